package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.subsidies.Programme;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads a run's lines, totals by township and change list, limited to the reader's scope. */
@Component
class RunQueries {

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final String countyCode;
    private final RunComputation computation;
    private final ObjectMapper json;

    RunQueries(JdbcClient jdbc, DivisionDirectory divisions, @Value("${yly.county-code}") String countyCode,
               RunComputation computation, ObjectMapper json) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.countyCode = countyCode;
        this.computation = computation;
        this.json = json;
    }

    /** The lines with their explanations as readers see them ({@link RunDefinition#expand}). */
    private List<Line> readable(long runId, List<Line> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        RunDefinition definition = jdbc.sql("select programme from subsidies.run where id = :run").param("run", runId)
                .query(String.class).optional().map(Programme::valueOf).map(computation::definition).orElse(null);
        if (definition == null) {
            return lines;
        }
        return lines.stream().map(l -> {
            JsonNode stored = json.readTree(l.explanation());
            JsonNode shown;
            JsonNode due = stored.path("dueExplanation");
            if ("ADJUSTMENT".equals(stored.path("basis").asString()) && (due.isObject() || due.isArray())) {
                // an adjustment keeps what was due in the month it corrects, in the stored form of that month
                ObjectNode copy = (ObjectNode) stored.deepCopy();
                copy.set("dueExplanation", definition.expand(stored.get("dueExplanation"), l.forMonth()));
                shown = copy;
            } else {
                shown = definition.expand(stored, l.forMonth());
            }
            return new Line(l.id(), l.kind(), l.forMonth(), l.subjectType(), l.subjectId(), l.divisionCode(),
                    l.townshipCode(), l.name(), l.idNumberMasked(), l.amount(), json.writeValueAsString(shown));
        }).toList();
    }

    record Line(long id, String kind, LocalDate forMonth, String subjectType, long subjectId, String divisionCode,
                String townshipCode, String name, String idNumberMasked, BigDecimal amount, String explanation) {
    }

    record TownshipTotal(String townshipCode, String townshipName, long lines, BigDecimal total) {
    }

    record Change(String change, String subjectType, long subjectId, String name, String townshipCode, String reason,
                  String detail) {
    }

    /** Null when the reader sees the whole county (no filter needed). */
    private Set<String> scope(CurrentUser actor) {
        return countyCode.equals(actor.divisionCode()) ? null : divisions.subtreeCodes(actor.divisionCode());
    }

    private String scopeFilter(Set<String> scope, String alias) {
        return scope == null ? "" : " and " + alias + ".division_code in (:codes)";
    }

    private JdbcClient.StatementSpec withScope(JdbcClient.StatementSpec spec, Set<String> scope) {
        return scope == null ? spec : spec.param("codes", scope);
    }

    PageResponse<Line> lines(long runId, String township, String kind, PageRequest page, CurrentUser actor) {
        Set<String> scope = scope(actor);
        String where = " where l.run_id = :run" + scopeFilter(scope, "l")
                + (township == null || township.isBlank() ? "" : " and l.township_code = :township")
                + (kind == null || kind.isBlank() ? "" : " and l.kind = :kind");
        JdbcClient.StatementSpec count = withScope(jdbc.sql("select count(*) from subsidies.run_line l" + where), scope)
                .param("run", runId);
        JdbcClient.StatementSpec list = withScope(jdbc.sql("select l.id, l.kind, l.for_month, l.subject_type, "
                + "l.subject_id, l.division_code, l.township_code, l.name, l.id_number_masked, l.amount, "
                + "l.explanation::text as explanation from subsidies.run_line l" + where
                + " order by l.township_code, l.name, l.id limit :limit offset :offset"), scope).param("run", runId)
                .param("limit", page.size()).param("offset", page.offset());
        if (township != null && !township.isBlank()) {
            count = count.param("township", township);
            list = list.param("township", township);
        }
        if (kind != null && !kind.isBlank()) {
            count = count.param("kind", kind);
            list = list.param("kind", kind);
        }
        long total = count.query(Long.class).single();
        return new PageResponse<>(readable(runId, list.query(Line.class).list()), page.page(), page.size(), total);
    }

    Optional<Line> line(long runId, long lineId, CurrentUser actor) {
        Set<String> scope = scope(actor);
        return withScope(jdbc.sql("select l.id, l.kind, l.for_month, l.subject_type, l.subject_id, l.division_code, "
                + "l.township_code, l.name, l.id_number_masked, l.amount, l.explanation::text as explanation "
                + "from subsidies.run_line l where l.run_id = :run and l.id = :id" + scopeFilter(scope, "l")), scope)
                .param("run", runId).param("id", lineId).query(Line.class).optional()
                .map(l -> readable(runId, List.of(l)).get(0));
    }

    /** Every line of the run in the reader's scope, in payment-list order, streamed. */
    void eachLine(long runId, CurrentUser actor, Consumer<Line> consumer) {
        Set<String> scope = scope(actor);
        try (var stream = withScope(jdbc.sql("select l.id, l.kind, l.for_month, l.subject_type, l.subject_id, "
                + "l.division_code, l.township_code, l.name, l.id_number_masked, l.amount, '' as explanation "
                + "from subsidies.run_line l where l.run_id = :run" + scopeFilter(scope, "l")
                + " order by l.township_code, l.name, l.id"), scope).param("run", runId).query(Line.class).stream()) {
            stream.forEach(consumer);
        }
    }

    /** The run's largest lines (by amount), for the approval preview. */
    List<Line> largest(long runId, int limit) {
        return jdbc.sql("select l.id, l.kind, l.for_month, l.subject_type, l.subject_id, l.division_code, "
                + "l.township_code, l.name, l.id_number_masked, l.amount, '' as explanation "
                + "from subsidies.run_line l where l.run_id = :run order by l.amount desc, l.id limit :limit")
                .param("run", runId).param("limit", limit).query(Line.class).list();
    }

    List<TownshipTotal> townships(long runId, CurrentUser actor) {
        Set<String> scope = scope(actor);
        List<TownshipTotal> totals = withScope(jdbc.sql("select l.township_code, '' as township_name, count(*) as lines, "
                + "sum(l.amount) as total from subsidies.run_line l where l.run_id = :run" + scopeFilter(scope, "l")
                + " group by l.township_code order by l.township_code"), scope).param("run", runId)
                .query(TownshipTotal.class).list();
        return totals.stream().map(t -> new TownshipTotal(t.townshipCode(),
                divisions.find(t.townshipCode()).map(Division::name).orElse(t.townshipCode()), t.lines(), t.total()))
                .toList();
    }

    List<Change> changes(long runId, CurrentUser actor, int limit) {
        Set<String> scope = scope(actor);
        return withScope(jdbc.sql("select c.change, c.subject_type, c.subject_id, c.name, c.township_code, c.reason, "
                + "c.detail::text as detail from subsidies.run_change c where c.run_id = :run" + scopeFilter(scope, "c")
                + " order by c.change, c.township_code, c.name limit :limit"), scope).param("run", runId)
                .param("limit", limit).query(Change.class).list();
    }

    /** One row of the change list (名单变化), with the masked ID number of a person. */
    record ChangeRow(long id, String change, String subjectType, long subjectId, String name, String divisionCode,
                     String townshipCode, String reason, String idNumberMasked) {
    }

    /** Narrows the change list: ADDED or REMOVED, a township, a reason code; nulls match everything. */
    record ChangeFilter(String change, String township, String reason) {

        String where() {
            return (change == null ? "" : " and c.change = :change")
                    + (township == null ? "" : " and c.township_code = :township")
                    + (reason == null ? "" : " and c.reason = :reason");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            JdbcClient.StatementSpec bound = spec;
            if (change != null) {
                bound = bound.param("change", change);
            }
            if (township != null) {
                bound = bound.param("township", township);
            }
            if (reason != null) {
                bound = bound.param("reason", reason);
            }
            return bound;
        }
    }

    private static final String CHANGE_COLUMNS = "select c.id, c.change, c.subject_type, c.subject_id, c.name, "
            + "c.division_code, c.township_code, c.reason, p.id_number_masked from subsidies.run_change c "
            + "left join registry.published_person p on c.subject_type = 'PERSON' and p.id = c.subject_id";

    /** One page of the change list in the reader's scope, with the total. */
    PageResponse<ChangeRow> changes(long runId, ChangeFilter filter, PageRequest page, CurrentUser actor) {
        Set<String> scope = scope(actor);
        String where = " where c.run_id = :run" + scopeFilter(scope, "c") + filter.where();
        long total = filter.bind(withScope(jdbc.sql("select count(*) from subsidies.run_change c" + where), scope))
                .param("run", runId).query(Long.class).single();
        List<ChangeRow> rows = filter.bind(withScope(jdbc.sql(CHANGE_COLUMNS + where
                        + " order by c.change, c.township_code, c.name, c.id limit :limit offset :offset"), scope))
                .param("run", runId).param("limit", page.size()).param("offset", page.offset())
                .query(ChangeRow.class).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    /** Every change in the reader's scope matching the filter, in list order, streamed (for the Excel copy). */
    void eachChange(long runId, ChangeFilter filter, CurrentUser actor, Consumer<ChangeRow> consumer) {
        Set<String> scope = scope(actor);
        String where = " where c.run_id = :run" + scopeFilter(scope, "c") + filter.where();
        try (var stream = filter.bind(withScope(jdbc.sql(CHANGE_COLUMNS + where
                        + " order by c.change, c.township_code, c.name, c.id"), scope))
                .param("run", runId).query(ChangeRow.class).stream()) {
            stream.forEach(consumer);
        }
    }

    /** How many started (ADDED) and stopped (REMOVED) for each reason, in the reader's scope. */
    record ReasonCount(String change, String reason, long count) {
    }

    List<ReasonCount> changeReasons(long runId, CurrentUser actor) {
        Set<String> scope = scope(actor);
        return withScope(jdbc.sql("select c.change, c.reason, count(*) as count from subsidies.run_change c "
                        + "where c.run_id = :run" + scopeFilter(scope, "c")
                        + " group by c.change, c.reason order by c.change, count(*) desc, c.reason"), scope)
                .param("run", runId).query(ReasonCount.class).list();
    }

    /** The parameter values the run used (JSON array of key, value, date, reference, provisional). */
    String parameters(long runId) {
        return jdbc.sql("select coalesce(parameters::text, '[]') from subsidies.run where id = :run").param("run", runId)
                .query(String.class).single();
    }

    Map<String, Long> changeCounts(long runId, CurrentUser actor) {
        Set<String> scope = scope(actor);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("ADDED", 0L);
        counts.put("REMOVED", 0L);
        withScope(jdbc.sql("select c.change, count(*) from subsidies.run_change c where c.run_id = :run"
                + scopeFilter(scope, "c") + " group by c.change"), scope).param("run", runId)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
