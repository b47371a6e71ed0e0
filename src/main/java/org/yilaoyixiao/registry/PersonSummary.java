package org.yilaoyixiao.registry;

import java.time.LocalDate;

/** A person as other modules see it: name, birth date, residence and the masked ID number. */
public record PersonSummary(long id, String name, LocalDate birthDate, String residenceDivisionCode,
                            String idNumberMasked, RecordStatus status, LocalDate deathDate) {

    /** A person not known to have died. */
    public PersonSummary(long id, String name, LocalDate birthDate, String residenceDivisionCode,
                         String idNumberMasked, RecordStatus status) {
        this(id, name, birthDate, residenceDivisionCode, idNumberMasked, status, null);
    }

    /** Full years of age on a date (周岁, {@link Ages}). */
    public int ageOn(LocalDate date) {
        return Ages.yearsOn(birthDate, deathDate, date);
    }

    /** Full months of age on a date ({@link Ages}). */
    public int ageMonthsOn(LocalDate date) {
        return Ages.monthsOn(birthDate, deathDate, date);
    }
}
