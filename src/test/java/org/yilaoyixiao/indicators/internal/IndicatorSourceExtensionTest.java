package org.yilaoyixiao.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;

/**
 * A later module (visits) supplies I07 by publishing an {@link IndicatorSource}: the indicator becomes computed, with
 * its counts rolled up, without any change here. Two sources for one code are refused at start-up.
 */
class IndicatorSourceExtensionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneOffset.UTC);

    private final List<Division> tree = List.of(
            new Division("331121", "青田县", DivisionLevel.COUNTY, null, LocalDate.of(2020, 1, 1), null, false),
            new Division("331121001", "鹤城街道", DivisionLevel.TOWNSHIP, "331121", LocalDate.of(2020, 1, 1), null, false),
            new Division("331121002", "瓯南街道", DivisionLevel.TOWNSHIP, "331121", LocalDate.of(2020, 1, 1), null, false));

    private final DivisionDirectory directory = new DivisionDirectory() {
        public Optional<Division> find(String code) { return tree.stream().filter(d -> d.code().equals(code)).findFirst(); }
        public Optional<Division> findAsOf(String code, LocalDate date) { return find(code); }
        public List<Division> children(String code) { return tree.stream().filter(d -> code.equals(d.parentCode())).toList(); }
        public List<Division> childrenAsOf(String code, LocalDate date) { return children(code); }
        public List<Division> subtree(String code) { return tree; }
        public Set<String> subtreeCodes(String code) { return Set.of("331121", "331121001", "331121002"); }
        public boolean isWithin(String scopeCode, String code) { return code.startsWith(scopeCode); }
        public List<Division> path(String code) { return List.of(); }
    };

    private static IndicatorSource visits(Map<String, IndicatorCount> counts) {
        return new IndicatorSource() {
            public String code() { return "I07"; }
            public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) { return counts; }
        };
    }

    @Test
    void aSourceBeanMakesTheIndicatorComputedAndRolledUp() {
        IndicatorComputation without = new IndicatorComputation(List.of(), directory, "331121", CLOCK, Duration.ofMinutes(1));
        assertThat(without.isComputed("I07")).isFalse();

        IndicatorComputation with = new IndicatorComputation(List.of(visits(Map.of(
                "331121001", new IndicatorCount(45, 50), "331121002", new IndicatorCount(5, 50)))),
                directory, "331121", CLOCK, Duration.ofMinutes(1));
        assertThat(with.isComputed("I07")).isTrue();
        IndicatorComputation.Snapshot snapshot = with.snapshot(2024);
        assertThat(snapshot.count("I07", "331121")).isEqualTo(new IndicatorCount(50, 100));
        assertThat(snapshot.period()).isEqualTo(new IndicatorPeriod(2024, LocalDate.of(2024, 6, 30)));
        assertThat(with.period(2023).asOf()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void twoSourcesForOneIndicatorAreRefused() {
        assertThatThrownBy(() -> new IndicatorComputation(List.of(visits(Map.of()), visits(Map.of())), directory,
                "331121", CLOCK, Duration.ofMinutes(1))).hasMessageContaining("I07");
    }
}
