package org.yilaoyixiao.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The status rule of decision 0016 at its edges. */
class StatusRuleTest {

    private static IndicatorStatus status(String baseline, String target, int year, String actual) {
        return StatusRule.status(baseline == null ? null : new BigDecimal(baseline), baseline == null ? null : 2022,
                new BigDecimal(target), 2025, year, actual == null ? null : new BigDecimal(actual));
    }

    @Test
    void theStraightPathRunsFromTheBaselineToTheTarget() {
        // I07: 50 → 100 over three years: 66.67 after one, 83.33 after two
        assertThat(StatusRule.expected(new BigDecimal("50"), 2022, new BigDecimal("100"), 2025, 2023))
                .isEqualByComparingTo("66.666667");
        assertThat(StatusRule.expected(new BigDecimal("50"), 2022, new BigDecimal("100"), 2025, 2022))
                .isEqualByComparingTo("50");
        assertThat(StatusRule.expected(new BigDecimal("50"), 2022, new BigDecimal("100"), 2025, 2027))
                .isEqualByComparingTo("100");
    }

    @Test
    void reachingTheTargetExactlyIsAchieved() {
        assertThat(status("50", "100", 2023, "100")).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(status("50", "100", 2023, "99.99")).isEqualTo(IndicatorStatus.ON_TRACK);
    }

    @Test
    void onThePathIsOnTrackAndJustBelowIsAtRisk() {
        // I05: 5 → 6; in 2024 the path stands at 5.666667
        assertThat(status("5", "6", 2024, "5.666667")).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(status("5", "6", 2024, "5.666666")).isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void atRiskEndsAtTenPercentOfTheSpanBelowThePath() {
        // 50 → 100, 2024: path 83.333333; span 50, band 5 → at risk down to 78.333333
        assertThat(status("50", "100", 2024, "78.333333")).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(status("50", "100", 2024, "78.333332")).isEqualTo(IndicatorStatus.OFF_TRACK);
        // in the baseline year the path is the baseline
        assertThat(status("50", "100", 2022, "45")).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(status("50", "100", 2022, "44.99")).isEqualTo(IndicatorStatus.OFF_TRACK);
    }

    @Test
    void aBaselineAboveAFloorTargetIsAchieved() {
        // I08: baseline 67.3, target ≥ 60; I14: 72.18 against 65
        assertThat(status("67.3", "60", 2022, "67.94")).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(status("72.18", "65", 2024, "65")).isEqualTo(IndicatorStatus.ACHIEVED);
        // falling below such a floor: the path is the floor itself from the start
        assertThat(status("72.18", "65", 2024, "64.99")).isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void equalBaselineAndTargetMeasureTheBandOnTheTarget() {
        // I19: 100 → 100; the band is 10 % of 100
        assertThat(status("100", "100", 2024, "90")).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(status("100", "100", 2024, "89.99")).isEqualTo(IndicatorStatus.OFF_TRACK);
    }

    @Test
    void withoutBaselineOrActual() {
        // text-only target with no baseline (cognitive beds ≥ 20): the path is the target
        assertThat(status(null, "20", 2023, "18")).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(status(null, "20", 2023, "17.99")).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(status("50", "100", 2023, null)).isNull();
        assertThat(StatusRule.status(new BigDecimal("70.95"), 2022, null, 2025, 2023, new BigDecimal("80"))).isNull();
    }
}
