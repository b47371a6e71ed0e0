package org.yilaoyixiao.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** One movement on an account, for statements. */
public record AccountLine(long transactionId, String idempotencyKey, String kind, String description,
                          BigDecimal amount, BigDecimal balanceAfter, Long reversesId, Instant postedAt) {
}
