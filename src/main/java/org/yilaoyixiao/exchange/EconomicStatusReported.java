package org.yilaoyixiao.exchange;

import java.time.LocalDate;
import org.yilaoyixiao.registry.EconomicStatus;

/** Social assistance certified a new economic status (特困, 低保, 低边 or none), now in the registry. */
public record EconomicStatusReported(long personId, EconomicStatus previous, EconomicStatus status,
                                     LocalDate effectiveDate, long feedRecordId) {
}
