package org.yilaoyixiao.exchange;

import java.time.LocalDate;

/** A hospital reported that the person was discharged on the date. */
public record HospitalDischargeReported(long personId, LocalDate dischargedOn, String note, long feedRecordId) {
}
