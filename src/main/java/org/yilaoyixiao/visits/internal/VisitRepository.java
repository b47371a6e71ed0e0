package org.yilaoyixiao.visits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
class VisitRepository {

    private static final String COLUMNS = "id, person_id, division_code, visited_at, mode, with_family_abroad, "
            + "duration_minutes, latitude, longitude, location_accuracy_m, findings::text as findings, note, visitor, "
            + "task_id, idempotency_key";
    private static final TypeReference<LinkedHashMap<String, VisitRequest.Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    VisitRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the visit unless its idempotency key is already used; the id of the new row, or empty. */
    Optional<Long> insert(NewVisit v, String divisionCode, String visitor, Instant now) {
        return jdbc.sql("""
                        insert into visits.visit (idempotency_key, person_id, division_code, visited_at, visited_month,
                            mode, with_family_abroad, duration_minutes, latitude, longitude, location_accuracy_m,
                            findings, note, visitor, task_id, created_at)
                        values (:key, :person, :division, :at, :month, :mode, :abroad, :duration, :lat, :lon, :acc,
                            cast(:findings as jsonb), :note, :visitor, :task, :now)
                        on conflict (idempotency_key) do nothing returning id
                        """)
                .param("key", v.idempotencyKey()).param("person", v.personId()).param("division", divisionCode)
                .param("at", Timestamp.from(v.visitedAt())).param("month", Months.of(v.visitedAt()).atDay(1))
                .param("mode", v.mode()).param("abroad", v.withFamilyAbroad()).param("duration", v.durationMinutes())
                .param("lat", v.latitude()).param("lon", v.longitude()).param("acc", v.accuracyMeters())
                .param("findings", json.writeValueAsString(v.findings())).param("note", v.note())
                .param("visitor", visitor).param("task", v.taskId()).param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    Optional<VisitRecord> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from visits.visit where idempotency_key = :k").param("k", key)
                .query(this::map).optional().map(this::withPhotos);
    }

    Optional<VisitRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from visits.visit where id = :id").param("id", id)
                .query(this::map).optional().map(this::withPhotos);
    }

    List<VisitRecord> history(long personId) {
        return jdbc.sql("select " + COLUMNS + " from visits.visit where person_id = :p order by visited_at desc, id desc")
                .param("p", personId).query(this::map).list().stream().map(this::withPhotos).toList();
    }

    void raised(long visitId, long personId, String divisionCode, String area, String kind, String service,
                String note, Instant at) {
        jdbc.sql("""
                insert into visits.raised_finding (visit_id, person_id, division_code, area, kind, service, note,
                    raised_at) values (:v, :p, :d, :area, :kind, :service, :note, :at)
                """).param("v", visitId).param("p", personId).param("d", divisionCode).param("area", area)
                .param("kind", kind).param("service", service).param("note", note).param("at", Timestamp.from(at))
                .update();
    }

    long majorEvent(long personId, String kind, Instant occurredAt, String note, String actor, Instant now) {
        return jdbc.sql("""
                insert into visits.major_event (person_id, kind, occurred_at, note, created_at, created_by)
                values (:p, :kind, :at, :note, :now, :actor) returning id
                """).param("p", personId).param("kind", kind).param("at", Timestamp.from(occurredAt))
                .param("note", note).param("now", Timestamp.from(now)).param("actor", actor)
                .query(Long.class).single();
    }

    /** Raised findings (service needs and alerts) in the divisions, newest first. */
    List<Map<String, Object>> raisedIn(Set<String> codes, YearMonth month) {
        return jdbc.sql("""
                        select id, visit_id, person_id, division_code, area, kind, service, note, raised_at
                        from visits.raised_finding
                        where division_code in (:codes) and raised_at >= :from and raised_at < :to
                        order by raised_at desc, id desc limit 500
                        """).param("codes", codes).param("from", Timestamp.from(Months.start(month)))
                .param("to", Timestamp.from(Months.start(month.plusMonths(1))))
                .query().listOfRows();
    }

    /** The new photo's id; empty when its client key is already used. */
    Optional<Long> addPhoto(long visitId, String contentType, byte[] content, String clientKey, String actor,
                            Instant now) {
        return jdbc.sql("""
                insert into visits.photo (visit_id, content_type, size_bytes, content, client_key, created_at,
                    created_by)
                values (:v, :type, :size, :content, :key, :now, :actor)
                on conflict (client_key) where client_key is not null do nothing returning id
                """).param("v", visitId).param("type", contentType).param("size", content.length)
                .param("content", content).param("key", clientKey).param("now", Timestamp.from(now))
                .param("actor", actor).query(Long.class).optional();
    }

    record KeyedPhoto(long id, long visitId) {
    }

    Optional<KeyedPhoto> photoByKey(String clientKey) {
        return jdbc.sql("select id, visit_id from visits.photo where client_key = :k").param("k", clientKey)
                .query((rs, i) -> new KeyedPhoto(rs.getLong(1), rs.getLong(2))).optional();
    }

    record Photo(long id, long visitId, String contentType, byte[] content) {
    }

    Optional<Photo> photo(long id) {
        return jdbc.sql("select id, visit_id, content_type, content from visits.photo where id = :id").param("id", id)
                .query((rs, i) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private VisitRecord withPhotos(VisitRecord v) {
        List<Long> photos = jdbc.sql("select id from visits.photo where visit_id = :v order by id")
                .param("v", v.id()).query(Long.class).list();
        return new VisitRecord(v.id(), v.personId(), v.divisionCode(), v.visitedAt(), v.mode(), v.withFamilyAbroad(),
                v.durationMinutes(), v.latitude(), v.longitude(), v.accuracyMeters(), v.findings(), v.note(),
                v.visitor(), v.taskId(), v.idempotencyKey(), photos);
    }

    private VisitRecord map(ResultSet rs, int row) throws SQLException {
        int duration = rs.getInt("duration_minutes");
        Integer durationMinutes = rs.wasNull() ? null : duration;
        int accuracy = rs.getInt("location_accuracy_m");
        Integer accuracyMeters = rs.wasNull() ? null : accuracy;
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        return new VisitRecord(rs.getLong("id"), rs.getLong("person_id"), rs.getString("division_code"),
                rs.getTimestamp("visited_at").toInstant(), rs.getString("mode"), rs.getBoolean("with_family_abroad"),
                durationMinutes, rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), accuracyMeters,
                json.readValue(rs.getString("findings"), FINDINGS), rs.getString("note"), rs.getString("visitor"),
                taskId, rs.getString("idempotency_key"), List.of());
    }
}
