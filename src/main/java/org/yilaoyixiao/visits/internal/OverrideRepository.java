package org.yilaoyixiao.visits.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Manual additions to, removals from and high-risk flags on the target population, each with its reason. */
@Repository
class OverrideRepository {

    private final JdbcClient jdbc;

    OverrideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Override(long id, long personId, String kind, String reason, LocalDate fromMonth, String createdBy,
                    Instant createdAt, Instant revokedAt, String revokeReason) {
    }

    long insert(long personId, String kind, String reason, LocalDate fromMonth, String actor, Instant now) {
        return jdbc.sql("""
                insert into visits.target_override (person_id, kind, reason, from_month, created_at, created_by)
                values (:p, :kind, :reason, :from, :now, :actor) returning id
                """).param("p", personId).param("kind", kind).param("reason", reason).param("from", fromMonth)
                .param("now", Timestamp.from(now)).param("actor", actor).query(Long.class).single();
    }

    boolean revoke(long id, String reason, String actor, Instant now) {
        return jdbc.sql("""
                update visits.target_override set revoked_at = :now, revoked_by = :actor, revoke_reason = :reason
                where id = :id and revoked_at is null
                """).param("id", id).param("now", Timestamp.from(now)).param("actor", actor).param("reason", reason)
                .update() == 1;
    }

    Optional<Override> find(long id) {
        return jdbc.sql("select * from visits.target_override where id = :id").param("id", id)
                .query(OverrideRepository::map).optional();
    }

    List<Override> ofPerson(long personId) {
        return jdbc.sql("select * from visits.target_override where person_id = :p order by id desc")
                .param("p", personId).query(OverrideRepository::map).list();
    }

    private static Override map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Override(rs.getLong("id"), rs.getLong("person_id"), rs.getString("kind"), rs.getString("reason"),
                rs.getObject("from_month", LocalDate.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getString("revoke_reason"));
    }
}
