package org.yilaoyixiao.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.indicators.IndicatorCount;

/** A two-township roll-up worked out by hand: the county's ratio is the ratio of the sums, not an average. */
class DivisionRollUpTest {

    private static Division d(String code, DivisionLevel level, String parent) {
        return new Division(code, code, level, parent, LocalDate.of(2020, 1, 1), null, false);
    }

    private final List<Division> tree = List.of(
            d("331121", DivisionLevel.COUNTY, null),
            d("331121001", DivisionLevel.TOWNSHIP, "331121"),
            d("331121001901", DivisionLevel.VILLAGE, "331121001"),
            d("331121001902", DivisionLevel.VILLAGE, "331121001"),
            d("331121002", DivisionLevel.TOWNSHIP, "331121"),
            d("331121002901", DivisionLevel.VILLAGE, "331121002"));

    @Test
    void nursingBedsOfTwoTownshipsAddUpBeforeDividing() {
        // township A: villages with 90 of 100 and 10 of 100 nursing beds → 100 / 200 = 50 %
        // township B: one institution at township level, 30 of 300 → 10 %
        // county: (100 + 30) / (200 + 300) = 130 / 500 = 26 % — the average of 50 % and 10 % would be 30 %
        Map<String, IndicatorCount> attached = Map.of(
                "331121001901", new IndicatorCount(90, 100),
                "331121001902", new IndicatorCount(10, 100),
                "331121002", new IndicatorCount(30, 300));
        Map<String, IndicatorCount> totals = new DivisionRollUp(tree).rollUp(attached);
        assertThat(totals.get("331121001")).isEqualTo(new IndicatorCount(100, 200));
        assertThat(totals.get("331121002")).isEqualTo(new IndicatorCount(30, 300));
        assertThat(totals.get("331121")).isEqualTo(new IndicatorCount(130, 500));
        assertThat(IndicatorBoard.ratio(130L, 500L, 100)).isEqualByComparingTo("26.00");
        assertThat(IndicatorBoard.ratio(100L, 200L, 100).add(IndicatorBoard.ratio(30L, 300L, 100))
                .divide(BigDecimal.valueOf(2))).isEqualByComparingTo("30.00");
        assertThat(totals).doesNotContainKey("331121002901");
    }

    @Test
    void aRetiredVillageCountsForItsTownshipByCode() {
        Map<String, IndicatorCount> totals = new DivisionRollUp(tree)
                .rollUp(Map.of("331121002999", new IndicatorCount(5, 0)));
        assertThat(totals.get("331121002")).isEqualTo(new IndicatorCount(5, 0));
        assertThat(totals.get("331121")).isEqualTo(new IndicatorCount(5, 0));
    }

    @Test
    void populationsComeFromTheDivisionOrFromAllItsChildren() {
        List<StatisticsInputs.Input> inputs = List.of(
                input("331121001901", 1000), input("331121001902", 3000), input("331121002", 5000));
        Map<String, Long> resolved = StatisticsInputs.resolve(tree, inputs,
                IndicatorDefinition.Statistic.RESIDENT_POPULATION);
        assertThat(resolved.get("331121001")).isEqualTo(4000);
        assertThat(resolved.get("331121002")).isEqualTo(5000);
        // the county has no figure of its own and every township has one: their sum
        assertThat(resolved.get("331121")).isEqualTo(9000);
        // a county figure of its own wins over the sum
        Map<String, Long> withCounty = StatisticsInputs.resolve(tree,
                List.of(input("331121", 12000), input("331121002", 5000)),
                IndicatorDefinition.Statistic.RESIDENT_POPULATION);
        assertThat(withCounty.get("331121")).isEqualTo(12000);
        assertThat(withCounty).doesNotContainKey("331121001");
    }

    private static StatisticsInputs.Input input(String code, int residents) {
        return new StatisticsInputs.Input(code, 2023, residents, null, null, "test", "test", java.time.Instant.EPOCH);
    }
}
