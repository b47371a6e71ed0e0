package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 一次性建设补助 (丽政发〔2019〕43号): a private institution that has operated at least 12 months and holds a star
 * rating gets, per approved bed, the rate of its premises (owned; leased with a lease of at least 5 years) and care
 * type (nursing, assisted).
 */
@Component
class InstitutionConstructionRule extends SubsidyRule {

    @Override
    Programme programme() {
        return Programme.INSTITUTION_CONSTRUCTION;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("model", facts.enumValue("operationModel", OperationModel.class));
        Premises premises = facts.enumValue("premises", Premises.class);
        d.read.put("premises", premises);
        if (premises == Premises.LEASED) {
            d.read.put("leaseYears", facts.integer("leaseYears"));
        }
        d.read.put("months", facts.integer("operatingMonths"));
        Integer star = facts.nullableInteger("starRating");
        if (star != null && (star < 0 || star > 5)) {
            facts.invalid("starRating");
        }
        d.read.put("star", star);
        d.read.put("beds", facts.counts("beds", BedType.class));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        OperationModel model = d.get("model");
        Premises premises = d.get("premises");
        int months = d.<Integer>get("months");
        Integer star = d.get("star");
        Map<BedType, Integer> beds = d.get("beds");
        if (model != OperationModel.PRIVATE) {
            d.not("not-private", Message.of("subsidies.model." + model.name()));
        }
        int minMonths = d.rates.number("institution-construction.min-operating-months").intValue();
        if (months < minMonths) {
            d.not("operated-too-short", months, minMonths);
        }
        if (star == null || star < 1) {
            d.not("unrated");
        }
        String premisesKey = premises == Premises.OWNED ? "owned" : "leased";
        if (premises == Premises.LEASED) {
            int minLease = d.rates.number("institution-construction.min-lease-years").intValue();
            int leaseYears = d.<Integer>get("leaseYears");
            if (leaseYears < minLease) {
                d.not("lease-too-short", leaseYears, minLease);
            }
        }
        for (BedType type : BedType.values()) {
            int count = beds.getOrDefault(type, 0);
            if (count > 0) {
                d.line(Message.of("subsidies.line.construction." + premisesKey + "." + type.name()),
                        BigDecimal.valueOf(count),
                        "institution-construction." + premisesKey + "." + type.name().toLowerCase());
            }
        }
        if (d.lines.isEmpty()) {
            d.not("no-beds");
        } else if (d.reasons.isEmpty()) {
            d.because("construction.eligible", star == null ? 0 : star, months);
        }
    }
}
