package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.indicators.IndicatorCount;

/**
 * Puts definitions, computed totals, statistics inputs and reported values together into rows per division and year.
 * Baselines and targets are the county's (the plan gives no others): ratios are judged against them at every level,
 * counts only at the county, since a township's count is no share of a county total.
 */
@Component
class IndicatorBoard {

    static final int BASELINE_YEAR = 2022;

    private final Definitions definitions;
    private final IndicatorComputation computation;
    private final StatisticsInputs statistics;
    private final ReportedValues reports;
    private final String countyCode;

    IndicatorBoard(Definitions definitions, IndicatorComputation computation, StatisticsInputs statistics,
                   ReportedValues reports, @Value("${yly.county-code}") String countyCode) {
        this.definitions = definitions;
        this.computation = computation;
        this.statistics = statistics;
        this.reports = reports;
        this.countyCode = countyCode;
    }

    String countyCode() {
        return countyCode;
    }

    int currentYear() {
        return computation.currentYear();
    }

    boolean isComputed(String code) {
        return computation.isComputed(code);
    }

    /** Everything needed to produce rows of one year for any division, fetched once. */
    final class YearView {
        final int year;
        final IndicatorComputation.Snapshot snapshot;
        final Map<IndicatorDefinition.Statistic, Map<String, Long>> denominators = new HashMap<>();
        final Map<String, Map<String, ReportedValues.Reported>> reported;
        final Map<String, BigDecimal> provincialAverages;

        YearView(int year) {
            this.year = year;
            this.snapshot = computation.snapshot(year);
            List<StatisticsInputs.Input> inputs = statistics.forYear(year);
            for (IndicatorDefinition.Statistic s : IndicatorDefinition.Statistic.values()) {
                denominators.put(s, StatisticsInputs.resolve(snapshot.tree(), inputs, s));
            }
            this.reported = reports.latestForYear(year);
            this.provincialAverages = statistics.provincialAverages(year);
        }

        List<Division> tree() {
            return snapshot.tree();
        }

        IndicatorRow row(IndicatorDefinition d, String divisionCode) {
            BigDecimal target = d.targetComparator() == IndicatorDefinition.Comparator.AT_LEAST_PROVINCIAL_AVERAGE
                    ? provincialAverages.get(d.code()) : d.targetValue();
            BigDecimal actual = null;
            Long numerator = null;
            Long denominator = null;
            ReportedValues.Reported report = null;
            IndicatorRow.Source source;
            if (computation.isComputed(d.code())) {
                source = IndicatorRow.Source.COMPUTED;
                IndicatorCount count = snapshot.count(d.code(), divisionCode);
                numerator = count.numerator();
                if (d.isCount()) {
                    actual = BigDecimal.valueOf(numerator);
                } else {
                    denominator = d.denominatorStatistic() == null ? Long.valueOf(count.denominator())
                            : denominators.get(d.denominatorStatistic()).get(divisionCode);
                    actual = ratio(numerator, denominator, d.scale());
                }
            } else {
                source = IndicatorRow.Source.REPORTED;
                report = reported.getOrDefault(d.code(), Map.of()).get(divisionCode);
                actual = report == null ? null : report.value();
            }
            boolean judged = !d.isCount() || divisionCode.equals(countyCode);
            BigDecimal expected = target == null ? null
                    : StatusRule.expected(d.baselineValue(), d.baselineYear(), target, d.targetYear(), year);
            IndicatorStatus status = judged ? StatusRule.status(d.baselineValue(), d.baselineYear(), target,
                    d.targetYear(), year, actual) : null;
            BigDecimal gap = judged && target != null && actual != null ? target.subtract(actual) : null;
            return new IndicatorRow(d, divisionCode, year, actual, source, numerator, denominator,
                    snapshot.period().asOf(), snapshot.computedAt(), target, expected, gap, status, report);
        }
    }

    YearView year(int year) {
        return new YearView(year);
    }

    /** The 19 indicators of the plan's table for a division and year, in the table's order. */
    List<IndicatorRow> table(String divisionCode, int year) {
        YearView view = year(year);
        return definitions.table().stream().map(d -> view.row(d, divisionCode)).toList();
    }

    /** The text-only targets for a division and year. */
    List<IndicatorRow> textTargets(String divisionCode, int year) {
        YearView view = year(year);
        return definitions.textTargets().stream().map(d -> view.row(d, divisionCode)).toList();
    }

    /** The townships of the county ranked by an indicator, best first; those without a value last. */
    List<IndicatorRow> townshipRanking(YearView view, IndicatorDefinition d) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (Division division : view.tree()) {
            if (division.level() == DivisionLevel.TOWNSHIP) {
                rows.add(view.row(d, division.code()));
            }
        }
        rows.sort(Comparator.comparing(IndicatorRow::actual, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(IndicatorRow::divisionCode));
        return rows;
    }

    /** One indicator's actuals for a division from the baseline year to {@code toYear}. */
    List<IndicatorRow> trend(IndicatorDefinition d, String divisionCode, int toYear) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (int y = BASELINE_YEAR; y <= toYear; y++) {
            rows.add(year(y).row(d, divisionCode));
        }
        return rows;
    }

    static BigDecimal ratio(Long numerator, Long denominator, int scale) {
        if (numerator == null || denominator == null || denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(scale))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
