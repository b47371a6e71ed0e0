package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored visit. */
record VisitRecord(long id, long personId, String divisionCode, Instant visitedAt, String mode,
                   boolean withFamilyAbroad, Integer durationMinutes, BigDecimal latitude, BigDecimal longitude,
                   Integer accuracyMeters, Map<String, VisitRequest.Finding> findings, String note, String visitor,
                   Long taskId, String idempotencyKey, List<Long> photoIds) {

    public boolean hasConcern() {
        return findings.values().stream().anyMatch(f -> Boolean.TRUE.equals(f.concern()));
    }
}
