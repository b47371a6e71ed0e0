package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import org.yilaoyixiao.placement.PlacementKind;

/** One period of an elder in a bed; {@code toDate} null while current. */
record PlacementRecord(long id, long personId, PlacementKind kind, long institutionId, String divisionCode,
                       String bedType, LocalDate fromDate, LocalDate toDate, String endReason, Long previousId) {

    public boolean current() {
        return toDate == null;
    }
}
