package org.yilaoyixiao.indicators.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;

/**
 * Statistics per division and year that ratios divide by, with their source and who entered them. A division without
 * its own figure takes the sum of its children's when every child has one; otherwise the figure is unknown.
 */
@Component
class StatisticsInputs {

    record Input(String divisionCode, int year, Integer residentPopulation, Integer population60Plus, Integer births,
                 String source, String enteredBy, Instant enteredAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    StatisticsInputs(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Input> find(String divisionCode, int year) {
        return jdbc.sql("select * from indicators.statistics_input where division_code = :d and year = :y")
                .param("d", divisionCode).param("y", year).query(StatisticsInputs::map).optional();
    }

    /**
     * Each division's figures for a year: the year's own, else the latest earlier year's (a population does not
     * vanish because this year's figure is not entered yet).
     */
    List<Input> forYear(int year) {
        return jdbc.sql("""
                        select distinct on (division_code) * from indicators.statistics_input
                        where year <= :y order by division_code, year desc""")
                .param("y", year).query(StatisticsInputs::map).list();
    }

    @Transactional
    Input put(String divisionCode, int year, Integer resident, Integer sixtyPlus, Integer births, String source,
              String actor) {
        Optional<Input> before = find(divisionCode, year);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into indicators.statistics_input (division_code, year, resident_population,
                            population_60_plus, births, source, entered_by, entered_at)
                        values (:d, :y, :r, :s, :b, :src, :by, :at)
                        on conflict (division_code, year) do update set resident_population = excluded.resident_population,
                            population_60_plus = excluded.population_60_plus, births = excluded.births,
                            source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at,
                            version = indicators.statistics_input.version + 1
                        """)
                .param("d", divisionCode).param("y", year).param("r", resident).param("s", sixtyPlus)
                .param("b", births).param("src", source).param("by", actor).param("at", Timestamp.from(now))
                .update();
        audit.record(AuditRecord.success("INDICATOR_STATISTICS_SET", "statistics:" + divisionCode + ":" + year,
                "residentPopulation=%s population60Plus=%s births=%s source=%s%s".formatted(resident, sixtyPlus,
                        births, source, before.map(b -> " (was residentPopulation=%s population60Plus=%s births=%s)"
                                .formatted(b.residentPopulation(), b.population60Plus(), b.births())).orElse(""))));
        return find(divisionCode, year).orElseThrow();
    }

    /** Records the provincial average an indicator's target refers to (I02: 全省平均水平以上). */
    void putProvincialAverage(String code, int year, java.math.BigDecimal value, String source, String actor) {
        jdbc.sql("""
                        insert into indicators.provincial_average (code, year, value, source, entered_by, entered_at)
                        values (:c, :y, :v, :src, :by, :at)
                        on conflict (code, year) do update set value = excluded.value, source = excluded.source,
                            entered_by = excluded.entered_by, entered_at = excluded.entered_at
                        """).param("c", code).param("y", year).param("v", value).param("src", source)
                .param("by", actor).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.success("INDICATOR_PROVINCIAL_AVERAGE_SET", "indicator:" + code + ":" + year,
                "value=%s source=%s".formatted(value.toPlainString(), source)));
    }

    /** Provincial averages of a year by indicator code; the latest earlier year's when the year has none. */
    Map<String, java.math.BigDecimal> provincialAverages(int year) {
        Map<String, java.math.BigDecimal> averages = new HashMap<>();
        jdbc.sql("""
                        select distinct on (code) code, value from indicators.provincial_average
                        where year <= :y order by code, year desc
                        """).param("y", year)
                .query((rs, n) -> averages.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return averages;
    }

    /** The figure of every division of the tree for one statistic, own or summed from the children. */
    static Map<String, Long> resolve(List<Division> tree, List<Input> inputs, IndicatorDefinition.Statistic statistic) {
        Map<String, Long> own = new HashMap<>();
        for (Input input : inputs) {
            Integer value = statistic == IndicatorDefinition.Statistic.RESIDENT_POPULATION ? input.residentPopulation()
                    : input.population60Plus();
            if (value != null) {
                own.put(input.divisionCode(), value.longValue());
            }
        }
        Map<String, List<String>> children = new HashMap<>();
        for (Division d : tree) {
            if (d.parentCode() != null) {
                children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d.code());
            }
        }
        Map<String, Long> resolved = new HashMap<>();
        // the tree comes root first, depth first: resolve from the leaves up
        for (int i = tree.size() - 1; i >= 0; i--) {
            String code = tree.get(i).code();
            Long value = own.get(code);
            if (value == null) {
                List<String> kids = children.getOrDefault(code, List.of());
                if (!kids.isEmpty() && kids.stream().allMatch(resolved::containsKey)) {
                    value = kids.stream().mapToLong(resolved::get).sum();
                }
            }
            if (value != null) {
                resolved.put(code, value);
            }
        }
        return resolved;
    }

    private static Input map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Input(rs.getString("division_code"), rs.getInt("year"), (Integer) rs.getObject("resident_population"),
                (Integer) rs.getObject("population_60_plus"), (Integer) rs.getObject("births"), rs.getString("source"),
                rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant());
    }
}
