package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;

/** A result under MZ/T 039-2013, imported as history with its own scheme and level. */
record LegacyAssessment(long id, long personId, String divisionCode, String scheme, LocalDate assessedOn,
                        LegacyLevel level, Integer adlScore, Integer mentalLevel, Integer perceptionLevel,
                        Integer socialLevel, String assessedBy, String note, String sourceFile, int sourceRow) {
}
