package org.yilaoyixiao.exchange;

import java.time.LocalDate;

/** Household registration reported a death, now recorded in the registry. {@code feedRecordId} is the source. */
public record PersonDeathReported(long personId, LocalDate deathDate, long feedRecordId) {
}
