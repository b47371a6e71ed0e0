package org.yilaoyixiao.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LegacyAssessmentRepository {

    private static final String COLUMNS = "id, person_id, division_code, scheme, assessed_on, level, adl_score, "
            + "mental_level, perception_level, social_level, assessed_by, note, source_file, source_row";

    private final JdbcClient jdbc;

    LegacyAssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the same person already has a result of the scheme on that date; true when inserted. */
    boolean insertIfAbsent(LegacyRow row, long personId, String divisionCode, String sourceFile, UUID importId,
                           String actor) {
        return jdbc.sql("""
                        insert into assessment.legacy_assessment (person_id, division_code, assessed_on, level,
                            adl_score, mental_level, perception_level, social_level, assessed_by, note, source_file,
                            source_row, import_id, imported_by)
                        values (:person, :division, :on, :level, :adl, :mental, :perception, :social, :by, :note,
                            :file, :row, :import, :actor)
                        on conflict (person_id, scheme, assessed_on) do nothing
                        """)
                .param("person", personId).param("division", divisionCode).param("on", row.assessedOn())
                .param("level", row.level().number()).param("adl", row.adlScore())
                .param("mental", row.mentalLevel()).param("perception", row.perceptionLevel())
                .param("social", row.socialLevel()).param("by", row.assessedBy()).param("note", row.note())
                .param("file", sourceFile).param("row", row.rowNumber()).param("import", importId)
                .param("actor", actor).update() == 1;
    }

    List<LegacyAssessment> history(long personId) {
        return jdbc.sql("select " + COLUMNS + " from assessment.legacy_assessment where person_id = :p"
                        + " order by assessed_on desc, id desc")
                .param("p", personId).query(LegacyAssessmentRepository::map).list();
    }

    /**
     * The latest legacy result of each person in the given divisions who has no GB/T 42195-2022 assessment, oldest
     * first: they still need a first assessment under the current standard.
     */
    List<LegacyAssessment> latestWithoutCurrentStandardIn(Set<String> divisionCodes) {
        if (divisionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from (select distinct on (l.person_id) " + COLUMNS
                        + " from assessment.legacy_assessment l where l.division_code in (:codes)"
                        + " and not exists (select 1 from assessment.assessment a where a.person_id = l.person_id)"
                        + " order by l.person_id, l.assessed_on desc, l.id desc) latest order by assessed_on, id")
                .param("codes", divisionCodes).query(LegacyAssessmentRepository::map).list();
    }

    private static LegacyAssessment map(ResultSet rs, int row) throws SQLException {
        return new LegacyAssessment(rs.getLong("id"), rs.getLong("person_id"), rs.getString("division_code"),
                rs.getString("scheme"), rs.getObject("assessed_on", LocalDate.class),
                LegacyLevel.of(rs.getInt("level")), (Integer) rs.getObject("adl_score"),
                (Integer) rs.getObject("mental_level"), (Integer) rs.getObject("perception_level"),
                (Integer) rs.getObject("social_level"), rs.getString("assessed_by"), rs.getString("note"),
                rs.getString("source_file"), rs.getInt("source_row"));
    }
}
