package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 育儿补贴 (national, from 2025-01-01): the monthly amount for a calendar month whose first day falls on or after the
 * birth and before the third birthday — so each child is paid for exactly 36 months, the month of the third
 * birthday included when the birthday is after the 1st.
 */
@Component
class ChildcareAllowanceRule extends SubsidyRule {

    @Override
    Programme programme() {
        return Programme.CHILDCARE_ALLOWANCE;
    }

    @Override
    void read(Facts facts, Decision d) {
        d.read.put("birthDate", facts.date("birthDate"));
        d.read.put("inRegister", facts.optionalBool("inRegisterForMonth", true));
    }

    @Override
    void decide(Decision d, LocalDate asOf) {
        LocalDate birth = d.get("birthDate");
        LocalDate monthStart = asOf.withDayOfMonth(1);
        int limitMonths = d.rates.number("childcare-allowance.age-limit-months").intValue();
        LocalDate limit = birth.plusMonths(limitMonths);
        if (!d.<Boolean>get("inRegister")) {
            d.not("record-not-current");
        } else if (birth.isAfter(monthStart)) {
            d.not("born-after-month-start", birth, monthStart);
        } else if (!monthStart.isBefore(limit)) {
            d.not("over-age", limitMonths, limit);
        } else {
            d.line(Message.of("subsidies.line.allowance", String.valueOf(monthStart.getYear()), monthStart.getMonthValue()),
                    BigDecimal.ONE, "childcare-allowance.per-month");
            d.because("allowance.eligible", limit);
        }
    }
}
