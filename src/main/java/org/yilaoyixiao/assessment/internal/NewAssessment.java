package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.assessment.AssessmentFindings;

/** A validated assessment to record. */
record NewAssessment(long personId, LocalDate assessedOn, AssessmentReason reason, String place,
                     List<String> assessors, Map<String, Integer> items, AssessmentFindings findings) {
}
