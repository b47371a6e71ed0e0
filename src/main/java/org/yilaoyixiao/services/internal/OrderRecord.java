package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceCategory;

/** A service order as stored. */
record OrderRecord(long id, String idempotencyKey, long personId, String divisionCode, long itemId, String itemCode,
                   ServiceCategory category, int quantity, BigDecimal unitPrice, BigDecimal price,
                   NeedChannel channel, Instant requestedFor, String note, OrderStatus status, Long providerId,
                   String butlerUsername, Instant createdAt, String createdBy, Instant dispatchedAt,
                   Instant acceptedAt, Instant checkedInAt, BigDecimal checkInLatitude,
                   BigDecimal checkInLongitude, Instant checkedOutAt, boolean completionPublished, Integer stars,
                   String evaluationComment, String evaluatedBy, Instant evaluatedAt, boolean sampledForCheck,
                   String spotCheckResult, int complaints, String cancelReason, Instant cancelledAt, int version) {
}
