package org.yilaoyixiao.guardian.detection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the fraud rules know of an elder's own past, before the transfer being judged: the amounts of earlier
 * transfers (the profile), the counterparties already paid, and how many transfers fell in the burst window.
 */
public record TransferHistory(List<BigDecimal> pastAmounts, Set<String> knownCounterparties, int inBurstWindow) {
}
