package org.yilaoyixiao.guardian.detection;

import java.math.BigDecimal;
import java.time.Instant;

/** An outgoing transfer from an elder's bank account, as a partner bank reports it. */
public record Transfer(long personId, String accountRef, BigDecimal amount, String counterparty, String channel,
                       Instant at) {
}
