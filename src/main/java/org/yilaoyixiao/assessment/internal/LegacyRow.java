package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;

/** One valid row of a legacy-results sheet, ready to be stored. */
record LegacyRow(int rowNumber, String idNumber, String name, LocalDate assessedOn, LegacyLevel level,
                 Integer adlScore, Integer mentalLevel, Integer perceptionLevel, Integer socialLevel,
                 String assessedBy, String note) {
}
