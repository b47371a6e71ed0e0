package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Credits and movements of hours, and the verified sources they come from (read through published views). */
@Repository
class TimeBankRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    TimeBankRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Credit(long id, long personId, BigDecimal hours, String sourceType, String sourceRef, String divisionCode,
                  String idempotencyKey, long ledgerTx, Instant createdAt) {
    }

    private static final String CREDIT = "select id, person_id, hours, source_type, source_ref, division_code,"
            + " idempotency_key, ledger_tx, created_at from timebank.credit ";

    private static Credit credit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Credit(rs.getLong("id"), rs.getLong("person_id"), rs.getBigDecimal("hours"),
                rs.getString("source_type"), rs.getString("source_ref"), rs.getString("division_code"),
                rs.getString("idempotency_key"), rs.getLong("ledger_tx"),
                rs.getTimestamp("created_at").toInstant());
    }

    Optional<Credit> creditByKey(String key) {
        return jdbc.sql(CREDIT + "where idempotency_key = :key").param("key", key)
                .query((rs, n) -> credit(rs)).optional();
    }

    Optional<Credit> creditBySource(String type, String ref) {
        return jdbc.sql(CREDIT + "where source_type = :type and source_ref = :ref").param("type", type)
                .param("ref", ref).query((rs, n) -> credit(rs)).optional();
    }

    List<Credit> creditsOf(long personId) {
        return jdbc.sql(CREDIT + "where person_id = :person order by id").param("person", personId)
                .query((rs, n) -> credit(rs)).list();
    }

    void insertCredit(long personId, BigDecimal hours, String type, String ref, String division, String key,
                      long ledgerTx, String actor) {
        jdbc.sql("""
                        insert into timebank.credit (person_id, hours, source_type, source_ref, division_code,
                            idempotency_key, ledger_tx, created_at, created_by)
                        values (:person, :hours, :type, :ref, :division, :key, :tx, :at, :actor)
                        """).param("person", personId).param("hours", hours).param("type", type).param("ref", ref)
                .param("division", division).param("key", key).param("tx", ledgerTx)
                .param("at", java.sql.Timestamp.from(clock.instant())).param("actor", actor).update();
    }

    record Movement(long id, String kind, long fromPersonId, Long toPersonId, String divisionCode, BigDecimal hours,
                    String note, boolean proxy, String proxyWitness, String idempotencyKey, long ledgerTx,
                    Instant createdAt, String createdBy) {
    }

    private static final String MOVEMENT = "select id, kind, from_person_id, to_person_id, division_code, hours,"
            + " note, proxy, proxy_witness, idempotency_key, ledger_tx, created_at, created_by from timebank.movement ";

    private static Movement movement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Movement(rs.getLong("id"), rs.getString("kind"), rs.getLong("from_person_id"),
                (Long) rs.getObject("to_person_id"), rs.getString("division_code"), rs.getBigDecimal("hours"),
                rs.getString("note"), rs.getBoolean("proxy"), rs.getString("proxy_witness"),
                rs.getString("idempotency_key"), rs.getLong("ledger_tx"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    Optional<Movement> movementByKey(String key) {
        return jdbc.sql(MOVEMENT + "where idempotency_key = :key").param("key", key)
                .query((rs, n) -> movement(rs)).optional();
    }

    void insertMovement(String kind, long from, Long to, String division, BigDecimal hours, String note,
                        String proxyWitness, String key, long ledgerTx, String actor) {
        jdbc.sql("""
                        insert into timebank.movement (kind, from_person_id, to_person_id, division_code, hours, note,
                            proxy, proxy_witness, idempotency_key, ledger_tx, created_at, created_by)
                        values (:kind, :from, :to, :division, :hours, :note, :proxy, :witness, :key, :tx, :at, :actor)
                        """).param("kind", kind).param("from", from).param("to", to).param("division", division)
                .param("hours", hours).param("note", note).param("proxy", proxyWitness != null)
                .param("witness", proxyWitness).param("key", key).param("tx", ledgerTx)
                .param("at", java.sql.Timestamp.from(clock.instant())).param("actor", actor).update();
    }

    /** A delivered service order as the services module publishes it. */
    record DeliveredOrder(long id, String divisionCode, String butler, Instant checkedIn, Instant checkedOut) {
    }

    Optional<DeliveredOrder> deliveredOrder(long orderId) {
        return jdbc.sql("select id, division_code, butler_username, checked_in_at, checked_out_at"
                        + " from services.published_completed_order where id = :id").param("id", orderId)
                .query((rs, n) -> new DeliveredOrder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).optional();
    }

    /** A recorded visit: where, and under which platform account. */
    record RecordedVisit(long id, String divisionCode, String visitor) {
    }

    Optional<RecordedVisit> recordedVisit(long visitId) {
        return jdbc.sql("select id, division_code, visitor from visits.published_visit where id = :id")
                .param("id", visitId)
                .query((rs, n) -> new RecordedVisit(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** People (ids) with a time-bank account touched by a credit or a movement, for the expiry run. */
    List<Long> accountHolders() {
        return jdbc.sql("""
                        select person_id from timebank.credit
                        union select to_person_id from timebank.movement where to_person_id is not null
                        order by 1
                        """).query(Long.class).list();
    }
}
