package org.yilaoyixiao.services;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published inside the transaction that checks a service order out (the service was delivered). Listeners that pay
 * for the service (the love card) run in the same transaction, so completion and payment commit together or not at
 * all; they must be idempotent per {@code orderId}.
 *
 * @param price the price of the delivered service in yuan (quantity × unit price), never negative
 */
public record ServiceOrderCompleted(long orderId, long personId, String divisionCode, String category,
                                    String itemCode, BigDecimal price, Instant completedAt) {
}
