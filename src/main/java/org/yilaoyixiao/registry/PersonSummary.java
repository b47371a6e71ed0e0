package org.yilaoyixiao.registry;

import java.time.LocalDate;
import java.time.Period;

/** A person as other modules see it: name, birth date, residence and the masked ID number. */
public record PersonSummary(long id, String name, LocalDate birthDate, String residenceDivisionCode,
                            String idNumberMasked, RecordStatus status) {

    /** Full years of age on a date. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** Full months of age on a date. */
    public int ageMonthsOn(LocalDate date) {
        return (int) Period.between(birthDate, date).toTotalMonths();
    }
}
