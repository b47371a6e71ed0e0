package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;

/** One period of a child in a class; {@code toDate} null while enrolled. */
record EnrolmentRecord(long id, long personId, long providerId, long classId, String divisionCode, LocalDate fromDate,
                       LocalDate toDate) {
}
