package org.yilaoyixiao.ledger;

import java.math.BigDecimal;

/** One side of a transaction: a signed amount on an account (positive adds to its balance, negative takes away). */
public record Posting(String accountCode, BigDecimal amount) {
}
