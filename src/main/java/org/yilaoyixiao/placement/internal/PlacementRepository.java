package org.yilaoyixiao.placement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.placement.PlacementKind;

@Repository
class PlacementRepository {

    private static final String COLUMNS = "id, person_id, kind, institution_id, division_code, bed_type, from_date, "
            + "to_date, end_reason, previous_id";

    private final JdbcClient jdbc;

    PlacementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises admissions to one institution until the transaction ends. */
    void lockInstitution(long institutionId) {
        jdbc.sql("select pg_advisory_xact_lock(4301, cast(:id as integer))").param("id", institutionId)
                .query((rs, i) -> 1).list();
    }

    int currentResidents(long institutionId, String bedType) {
        return jdbc.sql("""
                        select count(*) from placement.placement where institution_id = :institution
                        and kind = 'INSTITUTION' and bed_type = :type and to_date is null
                        """)
                .param("institution", institutionId).param("type", bedType).query(Integer.class).single();
    }

    Optional<PlacementRecord> current(long personId) {
        return jdbc.sql("select " + COLUMNS + " from placement.placement where person_id = :p and to_date is null")
                .param("p", personId).query(PlacementRepository::map).optional();
    }

    Optional<PlacementRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from placement.placement where id = :id").param("id", id)
                .query(PlacementRepository::map).optional();
    }

    long insert(long personId, PlacementKind kind, long institutionId, String divisionCode, String bedType,
                LocalDate from, Long previousId, String actor) {
        return jdbc.sql("""
                        insert into placement.placement (person_id, kind, institution_id, division_code, bed_type,
                            from_date, previous_id, created_by)
                        values (:person, :kind, :institution, :division, :type, :from, :previous, :actor) returning id
                        """)
                .param("person", personId).param("kind", kind.name()).param("institution", institutionId)
                .param("division", divisionCode).param("type", bedType).param("from", from)
                .param("previous", previousId).param("actor", actor).query(Long.class).single();
    }

    /** A demo period (synthetic elder, demo institution); the caller has checked the beds under the lock. */
    void insertSynthetic(long personId, PlacementKind kind, long institutionId, String divisionCode, String bedType,
                         LocalDate from, String actor) {
        jdbc.sql("""
                        insert into placement.placement (person_id, kind, institution_id, division_code, bed_type,
                            from_date, created_by, synthetic)
                        values (:person, :kind, :institution, :division, :type, :from, :actor, true)
                        """)
                .param("person", personId).param("kind", kind.name()).param("institution", institutionId)
                .param("division", divisionCode).param("type", bedType).param("from", from).param("actor", actor)
                .update();
    }

    /** People with a current placement, among the given ones. */
    Set<Long> currentlyPlaced(List<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select person_id from placement.placement where to_date is null"
                        + " and person_id in (:ids)").param("ids", personIds).query(Long.class).list());
    }

    int currentFamilyBeds(long institutionId) {
        return jdbc.sql("""
                        select count(*) from placement.placement where institution_id = :institution
                        and kind = 'FAMILY_BED' and to_date is null
                        """)
                .param("institution", institutionId).query(Integer.class).single();
    }

    void close(long id, LocalDate on, String reason) {
        jdbc.sql("update placement.placement set to_date = :on, end_reason = :reason where id = :id and to_date is null")
                .param("on", on).param("reason", reason).param("id", id).update();
    }

    List<PlacementRecord> history(long personId) {
        return jdbc.sql("select " + COLUMNS + " from placement.placement where person_id = :p order by from_date, id")
                .param("p", personId).query(PlacementRepository::map).list();
    }

    List<PlacementRecord> currentIn(Set<String> divisionCodes) {
        return jdbc.sql("select " + COLUMNS + " from placement.placement where to_date is null"
                        + " and division_code = any(:codes) order by from_date desc, id desc limit 500")
                .param("codes", divisionCodes.toArray(String[]::new)).query(PlacementRepository::map).list();
    }

    private static PlacementRecord map(ResultSet rs, int row) throws SQLException {
        return new PlacementRecord(rs.getLong("id"), rs.getLong("person_id"), PlacementKind.valueOf(rs.getString("kind")),
                rs.getLong("institution_id"), rs.getString("division_code"), rs.getString("bed_type"),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                rs.getString("end_reason"), rs.getObject("previous_id", Long.class));
    }
}
