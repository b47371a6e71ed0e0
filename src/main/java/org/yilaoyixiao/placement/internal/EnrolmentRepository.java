package org.yilaoyixiao.placement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentRepository {

    private static final String COLUMNS = "id, person_id, provider_id, class_id, division_code, from_date, to_date";

    private final JdbcClient jdbc;

    EnrolmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises enrolments with one provider (its classes and its slots) until the transaction ends. */
    void lockProvider(long providerId) {
        jdbc.sql("select pg_advisory_xact_lock(4302, cast(:id as integer))").param("id", providerId)
                .query((rs, i) -> 1).list();
    }

    Optional<Integer> carers(long classId) {
        return jdbc.sql("select carers from placement.class_carers where class_id = :id").param("id", classId)
                .query(Integer.class).optional();
    }

    void recordCarers(long classId, int carers, String actor) {
        jdbc.sql("""
                        insert into placement.class_carers (class_id, carers, updated_by) values (:id, :carers, :actor)
                        on conflict (class_id) do update set carers = :carers, updated_at = now(), updated_by = :actor
                        """)
                .param("id", classId).param("carers", carers).param("actor", actor).update();
    }

    List<EnrolmentRecord> currentInClass(long classId) {
        return jdbc.sql("select " + COLUMNS + " from placement.enrolment where class_id = :id and to_date is null")
                .param("id", classId).query(EnrolmentRepository::map).list();
    }

    int currentInProvider(long providerId) {
        return jdbc.sql("select count(*) from placement.enrolment where provider_id = :id and to_date is null")
                .param("id", providerId).query(Integer.class).single();
    }

    Optional<EnrolmentRecord> current(long personId) {
        return jdbc.sql("select " + COLUMNS + " from placement.enrolment where person_id = :p and to_date is null")
                .param("p", personId).query(EnrolmentRepository::map).optional();
    }

    Optional<EnrolmentRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from placement.enrolment where id = :id").param("id", id)
                .query(EnrolmentRepository::map).optional();
    }

    long insert(long personId, long providerId, long classId, String divisionCode, LocalDate from, String actor) {
        return jdbc.sql("""
                        insert into placement.enrolment (person_id, provider_id, class_id, division_code, from_date,
                            created_by)
                        values (:person, :provider, :class, :division, :from, :actor) returning id
                        """)
                .param("person", personId).param("provider", providerId).param("class", classId)
                .param("division", divisionCode).param("from", from).param("actor", actor).query(Long.class).single();
    }

    /** A demo enrolment (synthetic infant, demo class); the caller has checked the class rules under the lock. */
    void insertSynthetic(long personId, long providerId, long classId, String divisionCode, LocalDate from,
                         String actor) {
        jdbc.sql("""
                        insert into placement.enrolment (person_id, provider_id, class_id, division_code, from_date,
                            created_by, synthetic)
                        values (:person, :provider, :class, :division, :from, :actor, true)
                        """)
                .param("person", personId).param("provider", providerId).param("class", classId)
                .param("division", divisionCode).param("from", from).param("actor", actor).update();
    }

    /** Demo carers for a class that has no carers recorded yet; a recorded number is kept. */
    void recordSyntheticCarers(long classId, int carers, String actor) {
        jdbc.sql("""
                        insert into placement.class_carers (class_id, carers, updated_by, synthetic)
                        values (:id, :carers, :actor, true) on conflict (class_id) do nothing
                        """)
                .param("id", classId).param("carers", carers).param("actor", actor).update();
    }

    /** Children with a current enrolment, among the given ones. */
    Set<Long> currentlyEnrolled(List<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select person_id from placement.enrolment where to_date is null"
                        + " and person_id in (:ids)").param("ids", personIds).query(Long.class).list());
    }

    void close(long id, LocalDate on) {
        jdbc.sql("update placement.enrolment set to_date = :on where id = :id and to_date is null")
                .param("on", on).param("id", id).update();
    }

    List<EnrolmentRecord> currentIn(Set<String> divisionCodes) {
        return jdbc.sql("select " + COLUMNS + " from placement.enrolment where to_date is null"
                        + " and division_code = any(:codes) order by from_date desc, id desc limit 500")
                .param("codes", divisionCodes.toArray(String[]::new)).query(EnrolmentRepository::map).list();
    }

    private static EnrolmentRecord map(ResultSet rs, int row) throws SQLException {
        return new EnrolmentRecord(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("provider_id"),
                rs.getLong("class_id"), rs.getString("division_code"), rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class));
    }
}
