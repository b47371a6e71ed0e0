package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 运营补助 (丽政发〔2019〕43号): per resident with local household registration per month, by star rating; 公建民营
 * institutions at the configured share (50 %); senior apartments and public institutions get none.
 */
@Component
class InstitutionOperatingRule extends SubsidyRule {

    @Override
    Programme programme() {
        return Programme.INSTITUTION_OPERATING;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("model", facts.enumValue("operationModel", OperationModel.class));
        d.read.put("kind", facts.enumValue("kind", InstitutionKind.class));
        Integer star = facts.nullableInteger("starRating");
        if (star != null && (star < 0 || star > 5)) {
            facts.invalid("starRating");
        }
        d.read.put("star", star);
        d.read.put("residents", facts.integer("localResidents"));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        OperationModel model = d.get("model");
        InstitutionKind kind = d.get("kind");
        Integer star = d.get("star");
        int residents = d.<Integer>get("residents");
        if (model == OperationModel.PUBLIC) {
            d.not("public-institution");
        }
        if (kind == InstitutionKind.SENIOR_APARTMENT) {
            d.not("senior-apartment");
        }
        if (star == null || star < 1 || star > 5) {
            d.not("unrated");
        }
        if (residents <= 0) {
            d.not("no-local-residents");
        }
        if (!d.reasons.isEmpty()) {
            return;
        }
        String starKey = "institution-operating.star" + star;
        if (model == OperationModel.PUBLIC_BUILT_PRIVATE_RUN) {
            ParameterValue rate = d.rates.value(starKey);
            ParameterValue share = d.rates.value("institution-operating.public-built-private-run-share");
            BigDecimal effective = rate.value().multiply(share.value());
            d.lines.add(new QuoteLine(Message.of("subsidies.line.operating.shared", star,
                    ParameterValue.plain(rate.value()), ParameterValue.plain(share.value())),
                    BigDecimal.valueOf(residents), ParameterValue.plain(effective),
                    BigDecimal.valueOf(residents).multiply(effective),
                    starKey + " × institution-operating.public-built-private-run-share",
                    rate.reference()));
            d.because("operating.shared", star);
        } else {
            d.line(Message.of("subsidies.line.operating", star), BigDecimal.valueOf(residents), starKey);
            d.because("operating.private", star);
        }
    }
}
