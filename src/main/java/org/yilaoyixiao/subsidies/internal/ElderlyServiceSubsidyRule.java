package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 养老服务补贴 (青民〔2022〕40号): local household registration AND a low-income family AND aged ≥ 60 AND (capability
 * level at or above the 失能 threshold OR aged ≥ 80); or anyone aged ≥ 90. The amount is the rate of the capability
 * level (level 0 when not assessed). The monthly run applies the same conditions in SQL ({@link ElderlyServiceRun}).
 */
@Component
class ElderlyServiceSubsidyRule extends SubsidyRule {

    static final Set<EconomicStatus> LOW_INCOME = EnumSet.of(EconomicStatus.LOW_INCOME_MARGINAL,
            EconomicStatus.MINIMUM_LIVING, EconomicStatus.EXTREME_POVERTY);

    @Override
    Programme programme() {
        return Programme.ELDERLY_SERVICE_SUBSIDY;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("age", facts.integer("age"));
        d.read.put("local", facts.bool("localHukou"));
        d.read.put("status", facts.enumValue("economicStatus", EconomicStatus.class));
        Integer level = facts.nullableInteger("capabilityLevel");
        if (level != null && (level < 0 || level > 4)) {
            facts.invalid("capabilityLevel");
        }
        d.read.put("level", level);
        d.read.put("inRegister", facts.optionalBool("inRegisterForMonth", true));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        int age = d.<Integer>get("age");
        boolean local = d.<Boolean>get("local");
        EconomicStatus status = d.get("status");
        Integer level = d.get("level");
        int threshold = d.rates.number("elderly-service-subsidy.disability-threshold-level").intValue();
        boolean disabled = level != null && level >= threshold;
        if (!d.<Boolean>get("inRegister")) {
            d.not("record-not-current");
        }
        if (age >= 90) {
            d.because("elderly.age-90", age);
        } else {
            if (!local) {
                d.not("not-local-hukou");
            }
            if (!LOW_INCOME.contains(status)) {
                d.not("not-low-income", Message.of("economic-status." + status.name()));
            }
            if (age < 60) {
                d.not("under-60", age);
            } else if (!disabled && age < 80) {
                d.not("not-disabled-under-80", level == null ? Message.of("subsidies.level.none")
                        : Message.of("subsidies.level." + level), threshold, age);
            }
            if (d.reasons.isEmpty()) {
                if (disabled) {
                    d.because("elderly.low-income-disabled", Message.of("subsidies.level." + level), threshold,
                            Message.of("economic-status." + status.name()));
                } else {
                    d.because("elderly.low-income-80", age, Message.of("economic-status." + status.name()));
                }
            }
        }
        if (d.reasons.stream().noneMatch(r -> r.key().startsWith("subsidies.reason.not."))) {
            int rateLevel = level == null ? 0 : level;
            d.line(Message.of("subsidies.line.elderly", rateLevel), BigDecimal.ONE,
                    "elderly-service-subsidy.level" + rateLevel);
        }
    }
}
