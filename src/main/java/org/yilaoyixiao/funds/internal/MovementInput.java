package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** One movement as the bank reports it, validated. Amounts are positive; the direction says which way. */
record MovementInput(String bankRef, Instant at, BigDecimal amount, String direction, String counterpartyAccount,
                     String purpose) {

    /**
     * Refunds are what a hold still lets through. The bank's purpose text marks them: {@code REFUND}, or Chinese text
     * starting with 退款/退费/退还 (the statement layout in docs/operations/funds-bank-statements.md).
     */
    boolean refund() {
        if (purpose == null) {
            return false;
        }
        String p = purpose.strip();
        return p.equalsIgnoreCase("REFUND") || p.startsWith("退款") || p.startsWith("退费") || p.startsWith("退还");
    }
}
