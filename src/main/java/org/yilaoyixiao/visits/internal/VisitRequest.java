package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A visit as the phone (or any client) sends it. {@code visitedAt} is ISO-8601 with an offset, or local time of the
 * county; {@code findings} maps each checklist area to what was found; {@code idempotencyKey} is made by the client
 * once per visit and sent again on every retry.
 */
record VisitRequest(Long personId, Long taskId, String visitedAt, String mode, Boolean withFamilyAbroad,
                    Integer durationMinutes, Location location, Map<String, Finding> findings, String note,
                    String idempotencyKey) {

    /** Where the phone was when the visit was recorded, only if the visitor chose to check the location. */
    record Location(BigDecimal latitude, BigDecimal longitude, Integer accuracyMeters) {
    }

    /**
     * One checklist area: whether there is a concern, a note, and whether it raises a service need (with the service)
     * or an urgent alert.
     */
    record Finding(Boolean concern, String note, String raise, String service) {
    }
}
