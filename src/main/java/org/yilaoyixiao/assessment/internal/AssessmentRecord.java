package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.assessment.CapabilityLevel;
import org.yilaoyixiao.assessment.LevelChange;

/** A stored assessment. */
record AssessmentRecord(long id, long personId, String divisionCode, String scheme, LocalDate assessedOn,
                        String reason, String place, List<String> assessors, boolean coma, List<String> diagnoses,
                        int riskEvents, Map<String, Integer> subtotals, int totalScore, CapabilityLevel initialLevel,
                        CapabilityLevel finalLevel, List<LevelChange> changes) {
}
