package org.yilaoyixiao.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.Ages;

/**
 * Who is due for assessment: people whose latest GB/T 42195-2022 assessment is at least the reassessment interval
 * ({@code yly.assessment.reassessment-interval}, default 12 months) old, and people known only by an imported
 * MZ/T 039-2013 result of that age, who need a first assessment under the current standard. People whose record is
 * no longer active (deceased, moved out) are not due. One statement over the person's latest result and the
 * registry's published view, paged on the server.
 */
@Service
class ReassessmentSchedule {

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final Clock clock;
    private final Period interval;

    ReassessmentSchedule(JdbcClient jdbc, DivisionDirectory divisions, Clock clock,
                         @Value("${yly.assessment.reassessment-interval:P12M}") Period interval) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * One person due: the latest result they have, under its own scheme ({@code currentLevel} only for GB/T
     * 42195-2022, {@code legacyLevel} only for MZ/T 039-2013), and the date the assessment fell due.
     */
    record Due(long personId, String divisionCode, String scheme, long latestAssessmentId, LocalDate lastAssessedOn,
               Integer currentLevel, Integer legacyLevel, LocalDate dueOn) {

        public boolean firstUnderCurrentStandard() {
            return legacyLevel != null;
        }
    }

    /** A due person as the list shows them: name, masked ID number, residence and age. */
    record DueRow(Due due, String name, String idNumberMasked, String residenceDivisionCode, LocalDate birthDate,
                  LocalDate deathDate) {

        public int ageOn(LocalDate on) {
            return Ages.yearsOn(birthDate, deathDate, on);
        }
    }

    /** Which people a list shows: the division (default the actor's scope), a current level, first assessments. */
    record Filter(String division, Integer level, Boolean firstUnderCurrentStandard) {

        static Filter of(String division) {
            return new Filter(division, null, null);
        }
    }

    /** Everyone due in a division (default: the actor's scope) today, most overdue first. */
    List<Due> due(String division, CurrentUser actor) {
        Query query = query(Filter.of(division), actor);
        return jdbc.sql(query.sql() + ORDER).params(query.params()).query(ReassessmentSchedule::row).list().stream()
                .map(DueRow::due).toList();
    }

    /** One page of the people due, with the total. */
    PageResponse<DueRow> page(Filter filter, PageRequest page, CurrentUser actor) {
        Query query = query(filter, actor);
        long total = jdbc.sql("select count(*) from (" + query.sql() + ") d").params(query.params())
                .query(Long.class).single();
        List<DueRow> rows = total == 0 ? List.of() : jdbc.sql(query.sql() + ORDER + " limit :limit offset :offset")
                .params(query.params()).param("limit", page.size()).param("offset", page.offset())
                .query(ReassessmentSchedule::row).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    /** Every row of the filter, most overdue first, at most {@code limit} (an export). */
    void each(Filter filter, int limit, CurrentUser actor, Consumer<DueRow> consumer) {
        Query query = query(filter, actor);
        // the stream holds a connection until it is closed: an export that forgets leaks one each time
        try (java.util.stream.Stream<DueRow> rows = jdbc.sql(query.sql() + ORDER + " limit :limit")
                .params(query.params()).param("limit", limit).query(ReassessmentSchedule::row).stream()) {
            rows.forEach(consumer);
        }
    }

    /** How many people are due in the actor's whole scope (the inbox). */
    long count(CurrentUser actor) {
        Query query = query(Filter.of(null), actor);
        return jdbc.sql("select count(*) from (" + query.sql() + ") d").params(query.params())
                .query(Long.class).single();
    }

    private static final String ORDER = " order by due_on, person_id";

    private record Query(String sql, Map<String, Object> params) {
    }

    private Query query(Filter filter, CurrentUser actor) {
        Set<String> scope = scope(filter.division(), actor);
        Map<String, Object> params = new HashMap<>();
        params.put("codes", scope.toArray(String[]::new));
        params.put("today", BusinessTime.today(clock));
        params.put("interval", interval.toTotalMonths() + " months " + interval.getDays() + " days");
        StringBuilder conditions = new StringBuilder();
        if (filter.level() != null) {
            conditions.append(" and d.current_level = :level");
            params.put("level", filter.level());
        }
        if (Boolean.TRUE.equals(filter.firstUnderCurrentStandard())) {
            conditions.append(" and d.legacy_level is not null");
        } else if (Boolean.FALSE.equals(filter.firstUnderCurrentStandard())) {
            conditions.append(" and d.legacy_level is null");
        }
        String sql = """
                select d.*, pp.name, pp.id_number_masked, pp.residence_division_code, pp.birth_date, pp.death_date
                from (
                    select l.*, cast(l.assessed_on + cast(:interval as interval) as date) as due_on
                    from (
                        select * from (
                            select distinct on (a.person_id) a.id, a.person_id, a.division_code, a.scheme,
                                   a.assessed_on, a.final_level as current_level, cast(null as integer) as legacy_level
                            from assessment.assessment a
                            where a.division_code = any(:codes)
                            order by a.person_id, a.assessed_on desc, a.id desc) gb
                        union all
                        select * from (
                            select distinct on (g.person_id) g.id, g.person_id, g.division_code, g.scheme,
                                   g.assessed_on, cast(null as integer), g.level
                            from assessment.legacy_assessment g
                            where g.division_code = any(:codes)
                              and not exists (select 1 from assessment.assessment a where a.person_id = g.person_id)
                            order by g.person_id, g.assessed_on desc, g.id desc) mz
                    ) l
                ) d
                join registry.published_person pp on pp.id = d.person_id
                where pp.status = 'ACTIVE' and d.due_on <= :today""" + conditions;
        return new Query(sql, params);
    }

    private static DueRow row(ResultSet rs, int i) throws SQLException {
        Due due = new Due(rs.getLong("person_id"), rs.getString("division_code"), rs.getString("scheme"),
                rs.getLong("id"), rs.getObject("assessed_on", LocalDate.class),
                (Integer) rs.getObject("current_level"), (Integer) rs.getObject("legacy_level"),
                rs.getObject("due_on", LocalDate.class));
        return new DueRow(due, rs.getString("name"), rs.getString("id_number_masked"),
                rs.getString("residence_division_code"), rs.getObject("birth_date", LocalDate.class),
                rs.getObject("death_date", LocalDate.class));
    }

    private Set<String> scope(String division, CurrentUser actor) {
        if (division == null || division.isBlank()) {
            return divisions.subtreeCodes(actor.divisionCode());
        }
        if (!divisions.isWithin(actor.divisionCode(), division)) {
            throw ApiException.forbidden("assessment.division.out-of-scope", division);
        }
        return divisions.subtreeCodes(division);
    }
}
