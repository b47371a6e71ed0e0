package org.yilaoyixiao.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The indicator definitions: reference data loaded by migrations, read once and kept. */
@Component
class Definitions {

    private final JdbcClient jdbc;
    private volatile List<IndicatorDefinition> all;

    Definitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndicatorDefinition> all() {
        List<IndicatorDefinition> loaded = all;
        if (loaded == null) {
            loaded = load();
            all = loaded;
        }
        return loaded;
    }

    /** The 19 rows of the plan's table, in its order. */
    List<IndicatorDefinition> table() {
        return all().stream().filter(IndicatorDefinition::inTable).toList();
    }

    /** The targets stated only in the plan's text. */
    List<IndicatorDefinition> textTargets() {
        return all().stream().filter(d -> !d.inTable()).toList();
    }

    Optional<IndicatorDefinition> find(String code) {
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    private List<IndicatorDefinition> load() {
        Map<String, List<IndicatorDefinition.Variant>> variants = jdbc.sql(
                        "select code, field, value, source, note from indicators.definition_variant order by code, field, value desc")
                .query((rs, n) -> Map.entry(rs.getString("code"), new IndicatorDefinition.Variant(rs.getString("field"),
                        rs.getBigDecimal("value"), rs.getString("source"), rs.getString("note"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<IndicatorDefinition> list = new ArrayList<>(jdbc.sql("select * from indicators.definition order by seq")
                .query((rs, n) -> new IndicatorDefinition(rs.getString("code"), rs.getInt("seq"),
                        rs.getBoolean("in_table"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getString("unit"), IndicatorDefinition.Kind.valueOf(rs.getString("kind")),
                        rs.getInt("scale"), rs.getString("attribute"), rs.getString("responsible_units"),
                        (Integer) rs.getObject("baseline_year"), rs.getBigDecimal("baseline_value"),
                        rs.getString("baseline_comparator"), rs.getString("baseline_source"),
                        rs.getInt("target_year"), rs.getBigDecimal("target_value"),
                        IndicatorDefinition.Comparator.valueOf(rs.getString("target_comparator")),
                        rs.getString("target_source"), rs.getString("numerator_definition"),
                        rs.getString("denominator_definition"),
                        rs.getString("denominator_statistic") == null ? null
                                : IndicatorDefinition.Statistic.valueOf(rs.getString("denominator_statistic")),
                        rs.getString("computed_later_by"), rs.getString("reported_by"),
                        List.of()))
                .list());
        list.replaceAll(d -> new IndicatorDefinition(d.code(), d.seq(), d.inTable(), d.nameZh(), d.nameEn(), d.unit(),
                d.kind(), d.scale(), d.attribute(), d.responsibleUnits(), d.baselineYear(), d.baselineValue(),
                d.baselineComparator(), d.baselineSource(), d.targetYear(), d.targetValue(), d.targetComparator(),
                d.targetSource(), d.numeratorDefinition(), d.denominatorDefinition(), d.denominatorStatistic(),
                d.computedLaterBy(), d.reportedBy(), variants.getOrDefault(d.code(), List.of())));
        return List.copyOf(list);
    }
}
