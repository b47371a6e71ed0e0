package org.yilaoyixiao.services;

import java.time.Instant;

/**
 * Published inside the transaction that cancels a service order — before service, or a completed order voided by a
 * supervisor (the service was not delivered). Listeners that paid for it refund in the same transaction, idempotently
 * per {@code orderId}.
 *
 * @param wasCompleted whether a {@link ServiceOrderCompleted} had been published for this order
 */
public record ServiceOrderCancelled(long orderId, long personId, boolean wasCompleted, String reason,
                                    Instant cancelledAt) {
}
