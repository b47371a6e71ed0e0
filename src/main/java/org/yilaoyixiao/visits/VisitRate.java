package org.yilaoyixiao.visits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * The monthly visit rate of a division (indicator I07): target elders living in its subtree who were visited at least
 * once in the month, over all its target elders of the month. {@code rate} is in percent with two decimals, null when
 * the division has no target elders.
 */
public record VisitRate(String division, YearMonth month, long targetCount, long visitedCount, BigDecimal rate) {

    public static VisitRate of(String division, YearMonth month, long targetCount, long visitedCount) {
        BigDecimal rate = targetCount == 0 ? null
                : BigDecimal.valueOf(visitedCount).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(targetCount), 2, RoundingMode.HALF_UP);
        return new VisitRate(division, month, targetCount, visitedCount, rate);
    }
}
