package org.yilaoyixiao.registry;

import java.time.LocalDate;

/** Which of the plan's two groups a person belongs to on a date: 60 or older, or under 3. */
public enum PersonCategory {
    ELDER, INFANT, OTHER;

    public static final int ELDER_AGE = 60;
    public static final int INFANT_AGE_LIMIT = 3;

    public static PersonCategory of(LocalDate birthDate, LocalDate on) {
        return ofAge(Ages.yearsOn(birthDate, null, on));
    }

    /** The group of someone of this age in full years. */
    public static PersonCategory ofAge(int age) {
        if (age >= ELDER_AGE) {
            return ELDER;
        }
        return age < INFANT_AGE_LIMIT ? INFANT : OTHER;
    }

    /** Born on or before this date: 60 or older on {@code on}. */
    public static LocalDate elderBornOnOrBefore(LocalDate on) {
        return on.minusYears(ELDER_AGE);
    }

    /** Born after this date: under 3 on {@code on}. */
    public static LocalDate infantBornAfter(LocalDate on) {
        return on.minusYears(INFANT_AGE_LIMIT);
    }
}
