package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A checked visit, ready to store. */
record NewVisit(long personId, Long taskId, Instant visitedAt, String mode, boolean withFamilyAbroad,
                Integer durationMinutes, BigDecimal latitude, BigDecimal longitude, Integer accuracyMeters,
                Map<String, VisitRequest.Finding> findings, String note, String idempotencyKey) {
}
