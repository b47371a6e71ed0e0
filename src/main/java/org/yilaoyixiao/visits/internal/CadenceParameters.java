package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The visit policy in force from a date (decision 0019): who counts as disabled (失能) for the target rule, who is
 * high risk, how often high-risk elders are visited, how soon after a major event, and below which rate a visitor or
 * village is shown as lagging.
 */
record CadenceParameters(LocalDate effectiveFrom, int disabilityMinLevel, int highRiskMinLevel,
                         int highRiskIntervalDays, int eventFollowUpHours, BigDecimal lagThresholdPercent,
                         String reference) {
}
