package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The status rule (decision 0016). Every indicator of the plan is "more is better" and every 2025 value is read as
 * a level to reach, so:
 * <ol>
 *   <li>{@code ACHIEVED} when the actual is at or above the target;</li>
 *   <li>else {@code ON_TRACK} when it is at or above the straight path from the baseline (baseline year) to the target
 *   (target year) at the period's year: {@code expected = baseline + (target − baseline) × (year − baselineYear) /
 *   (targetYear − baselineYear)}, clamped to the baseline before and to the target after; a target below the
 *   baseline (a floor already exceeded) is its own path;</li>
 *   <li>else {@code AT_RISK} when the shortfall below the path is at most 10 % of the span |target − baseline| (of
 *   |target| when baseline and target are equal or there is no baseline, in which case the path is the target);</li>
 *   <li>else {@code OFF_TRACK}.</li>
 * </ol>
 * No actual or no target (a provincial average not entered): no status.
 */
final class StatusRule {

    static final BigDecimal AT_RISK_BAND = new BigDecimal("0.10");

    private StatusRule() {
    }

    static IndicatorStatus status(BigDecimal baseline, Integer baselineYear, BigDecimal target, int targetYear,
                                  int year, BigDecimal actual) {
        if (actual == null || target == null) {
            return null;
        }
        if (actual.compareTo(target) >= 0) {
            return IndicatorStatus.ACHIEVED;
        }
        BigDecimal expected = expected(baseline, baselineYear, target, targetYear, year);
        if (baseline != null && actual.compareTo(expected) >= 0) {
            return IndicatorStatus.ON_TRACK;
        }
        BigDecimal span = baseline == null ? target.abs() : target.subtract(baseline).abs();
        if (span.signum() == 0) {
            span = target.abs();
        }
        BigDecimal shortfall = expected.subtract(actual);
        return shortfall.compareTo(span.multiply(AT_RISK_BAND)) <= 0 ? IndicatorStatus.AT_RISK
                : IndicatorStatus.OFF_TRACK;
    }

    /** The straight path's value at the end of {@code year}. */
    static BigDecimal expected(BigDecimal baseline, Integer baselineYear, BigDecimal target, int targetYear, int year) {
        // a floor below the baseline (I08 67.3 → ≥ 60, I14 72.18 → 65) has no path to climb: the floor is the path
        if (baseline == null || baselineYear == null || year >= targetYear || targetYear <= baselineYear
                || target.compareTo(baseline) < 0) {
            return target;
        }
        if (year <= baselineYear) {
            return baseline;
        }
        return baseline.add(target.subtract(baseline).multiply(BigDecimal.valueOf(year - baselineYear))
                .divide(BigDecimal.valueOf(targetYear - baselineYear), 6, RoundingMode.HALF_UP));
    }
}
