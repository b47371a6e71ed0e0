package org.yilaoyixiao.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.assessment.CapabilityLevel;
import org.yilaoyixiao.assessment.CapabilityResult;
import org.yilaoyixiao.assessment.LevelChange;

@Repository
class AssessmentRepository {

    private static final String COLUMNS = "id, person_id, division_code, scheme, assessed_on, reason, place, "
            + "assessors, coma, diagnoses, risk_events, subtotal_b1, subtotal_b2, subtotal_b3, subtotal_b4, "
            + "total_score, initial_level, final_level, changes";
    private static final String LATEST_FIRST = " order by assessed_on desc, id desc";

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises assessments of one person until the transaction ends, so "previous level" is well defined. */
    void lockPerson(long personId) {
        jdbc.sql("select pg_advisory_xact_lock(5101, cast(:id as integer))").param("id", personId)
                .query((rs, i) -> 1).list();
    }

    long insert(NewAssessment a, String divisionCode, CapabilityResult result, String actor) {
        long id = jdbc.sql("""
                        insert into assessment.assessment (person_id, division_code, assessed_on, reason, place,
                            assessors, coma, diagnoses, risk_events, subtotal_b1, subtotal_b2, subtotal_b3,
                            subtotal_b4, total_score, initial_level, final_level, changes, created_by)
                        values (:person, :division, :on, :reason, :place, :assessors, :coma, :diagnoses, :risk,
                            :b1, :b2, :b3, :b4, :total, :initial, :final, :changes, :actor) returning id
                        """)
                .param("person", a.personId()).param("division", divisionCode).param("on", a.assessedOn())
                .param("reason", a.reason().name()).param("place", a.place())
                .param("assessors", String.join("\n", a.assessors())).param("coma", a.findings().coma())
                .param("diagnoses", String.join(",", a.findings().diagnoses()))
                .param("risk", a.findings().riskEventsLast30Days())
                .param("b1", result.subtotals().get("B.1")).param("b2", result.subtotals().get("B.2"))
                .param("b3", result.subtotals().get("B.3")).param("b4", result.subtotals().get("B.4"))
                .param("total", result.totalScore()).param("initial", result.initialLevel().number())
                .param("final", result.finalLevel().number())
                .param("changes", result.changes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("actor", actor).query(Long.class).single();
        a.items().forEach((code, score) -> jdbc.sql("""
                        insert into assessment.item_score (assessment_id, item_code, score) values (:id, :code, :score)
                        """).param("id", id).param("code", code).param("score", score).update());
        return id;
    }

    Optional<AssessmentRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from assessment.assessment where id = :id").param("id", id)
                .query(AssessmentRepository::map).optional();
    }

    Optional<AssessmentRecord> latest(long personId) {
        return jdbc.sql("select " + COLUMNS + " from assessment.assessment where person_id = :p" + LATEST_FIRST
                        + " limit 1").param("p", personId).query(AssessmentRepository::map).optional();
    }

    List<AssessmentRecord> history(long personId) {
        return jdbc.sql("select " + COLUMNS + " from assessment.assessment where person_id = :p" + LATEST_FIRST)
                .param("p", personId).query(AssessmentRepository::map).list();
    }

    /** The latest assessment of each person assessed in the given divisions, oldest first. */
    List<AssessmentRecord> latestIn(Set<String> divisionCodes) {
        if (divisionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from (select distinct on (person_id) " + COLUMNS
                        + " from assessment.assessment where division_code in (:codes)"
                        + " order by person_id, assessed_on desc, id desc) latest order by assessed_on, id")
                .param("codes", divisionCodes).query(AssessmentRepository::map).list();
    }

    /** The final level of the latest assessment of each of the given people who has been assessed. */
    Map<Long, Integer> currentLevels(java.util.Collection<Long> personIds) {
        Map<Long, Integer> levels = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return levels;
        }
        jdbc.sql("select distinct on (person_id) person_id, final_level from assessment.assessment"
                        + " where person_id in (:ids) order by person_id, assessed_on desc, id desc")
                .param("ids", personIds)
                .query((rs, i) -> levels.put(rs.getLong(1), rs.getInt(2))).list();
        return levels;
    }

    Map<String, Integer> itemScores(long assessmentId) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        jdbc.sql("select item_code, score from assessment.item_score where assessment_id = :id order by item_code")
                .param("id", assessmentId)
                .query((rs, i) -> scores.put(rs.getString(1), rs.getInt(2))).list();
        return scores;
    }

    private static AssessmentRecord map(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> subtotals = new LinkedHashMap<>();
        subtotals.put("B.1", rs.getInt("subtotal_b1"));
        subtotals.put("B.2", rs.getInt("subtotal_b2"));
        subtotals.put("B.3", rs.getInt("subtotal_b3"));
        subtotals.put("B.4", rs.getInt("subtotal_b4"));
        return new AssessmentRecord(rs.getLong("id"), rs.getLong("person_id"), rs.getString("division_code"),
                rs.getString("scheme"), rs.getObject("assessed_on", java.time.LocalDate.class),
                rs.getString("reason"), rs.getString("place"), split(rs.getString("assessors"), "\n"),
                rs.getBoolean("coma"), split(rs.getString("diagnoses"), ","), rs.getInt("risk_events"), subtotals,
                rs.getInt("total_score"), CapabilityLevel.of(rs.getInt("initial_level")),
                CapabilityLevel.of(rs.getInt("final_level")),
                split(rs.getString("changes"), ",").stream().map(LevelChange::valueOf).toList());
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(separator));
    }
}
