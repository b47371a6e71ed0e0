package org.yilaoyixiao.exchange;

import java.time.LocalDate;

/**
 * Household registration reported a move: within the county (a new residence division, and with it a new data scope
 * owner), into the county, or out of it ({@code toDivisionCode} null).
 */
public record ResidenceChangeReported(long personId, String fromDivisionCode, String toDivisionCode,
                                      LocalDate effectiveDate, long feedRecordId) {
}
