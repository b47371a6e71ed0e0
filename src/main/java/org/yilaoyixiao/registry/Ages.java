package org.yilaoyixiao.registry;

import java.time.LocalDate;
import java.time.Period;

/**
 * The one rule for a person's age on a day (周岁): full years from the birth date, counted as {@link Period#between}
 * counts them — the birthday itself is the first day of the new year of age, and someone born on 29 February turns a
 * year older on 1 March in a common year. After death the age stays the age at death. The SQL cut-off dates
 * ({@link PersonCategory#elderBornOnOrBefore}, {@code birth_date <= on - 60 years}) and PostgreSQL's
 * {@code extract(year from age(on, birth_date))} give the same answer ({@code AgesTest}); every page of the registry,
 * assessment and placement shows ages through this class.
 */
public final class Ages {

    private Ages() {
    }

    /** Full years of age on {@code on}; after {@code deathDate} (may be null) the age at death. */
    public static int yearsOn(LocalDate birthDate, LocalDate deathDate, LocalDate on) {
        return Period.between(birthDate, end(deathDate, on)).getYears();
    }

    /** Full months of age on {@code on}; after {@code deathDate} (may be null) the age at death. */
    public static int monthsOn(LocalDate birthDate, LocalDate deathDate, LocalDate on) {
        return (int) Period.between(birthDate, end(deathDate, on)).toTotalMonths();
    }

    private static LocalDate end(LocalDate deathDate, LocalDate on) {
        return deathDate != null && deathDate.isBefore(on) ? deathDate : on;
    }
}
