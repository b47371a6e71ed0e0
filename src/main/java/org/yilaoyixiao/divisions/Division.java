package org.yilaoyixiao.divisions;

import java.time.LocalDate;

/** One version of a division: its name and place in the tree during [validFrom, validTo). */
public record Division(String code, String name, DivisionLevel level, String parentCode, LocalDate validFrom,
                       LocalDate validTo, boolean synthetic) {

    public boolean isValidOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }
}
