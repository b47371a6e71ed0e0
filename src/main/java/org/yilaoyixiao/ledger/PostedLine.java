package org.yilaoyixiao.ledger;

import java.math.BigDecimal;

/** A posting as stored, with the account's balance right after it. */
public record PostedLine(String accountCode, BigDecimal amount, BigDecimal balanceAfter) {
}
