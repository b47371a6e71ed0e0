package org.yilaoyixiao.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Rows of the feed tables. */
@Repository
class FeedRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FeedRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Load(long id, String feed, String channel, String fileName, Instant receivedAt, String receivedBy,
                int total, int accepted, int duplicates, int rejected, int queued) {
    }

    record Stored(long id, long loadId, String feed, String recordId, String type, String idNumberMasked,
                  LocalDate effectiveDate, Map<String, Object> payload, String status, Long personId,
                  String outcome, String reviewReason, Instant createdAt, String resolvedBy, String resolutionNote) {
    }

    record Rejected(int index, String recordId, String reason, String args) {
    }

    long newLoad(String feed, String channel, String fileName, Instant now, String actor) {
        return jdbc.sql("""
                insert into exchange.feed_load (feed, channel, file_name, received_at, received_by)
                values (:feed, :channel, :file, :now, :actor) returning id
                """).param("feed", feed).param("channel", channel).param("file", fileName)
                .param("now", utc(now)).param("actor", actor).query(Long.class).single();
    }

    void finishLoad(long id, int total, int accepted, int duplicates, int rejected, int queued) {
        jdbc.sql("""
                update exchange.feed_load set total = :t, accepted = :a, duplicates = :d, rejected = :r, queued = :q
                where id = :id
                """).param("t", total).param("a", accepted).param("d", duplicates).param("r", rejected)
                .param("q", queued).param("id", id).update();
    }

    void reject(long loadId, FeedParser.Rejection r) {
        jdbc.sql("""
                insert into exchange.feed_rejection (load_id, idx, record_id, reason, reason_args)
                values (:load, :idx, :record, :reason, :args)
                """).param("load", loadId).param("idx", r.index()).param("record", r.recordId())
                .param("reason", r.reason()).param("args", String.join(RejectionReasons.SEPARATOR, r.args())).update();
    }

    /** The new row's id, or empty when the feed already has this record id (a duplicate). */
    Optional<Long> insert(long loadId, FeedRecord r, byte[] cipher, byte[] index, Instant now) {
        return jdbc.sql("""
                insert into exchange.feed_record (load_id, feed, record_id, type, id_number_cipher, id_number_index,
                    id_number_masked, effective_date, payload, status, outcome, created_at)
                values (:load, :feed, :record, :type, :cipher, :index, :masked, :effective, cast(:payload as jsonb),
                    'QUEUED', 'PENDING', :now)
                on conflict (feed, record_id) do nothing
                returning id
                """).param("load", loadId).param("feed", r.feed()).param("record", r.recordId())
                .param("type", r.type()).param("cipher", cipher).param("index", index)
                .param("masked", r.idNumber().masked()).param("effective", r.effectiveDate())
                .param("payload", json.writeValueAsString(r.fields())).param("now", utc(now))
                .query(Long.class).optional();
    }

    void settle(long id, FeedEffects.Outcome outcome) {
        jdbc.sql("""
                update exchange.feed_record set status = :status, person_id = :person, outcome = :outcome,
                    review_reason = :review
                where id = :id
                """).param("status", outcome.status()).param("person", outcome.personId())
                .param("outcome", outcome.outcome()).param("review", outcome.reviewReason()).param("id", id).update();
    }

    void resolve(long id, String status, Long personId, String outcome, String actor, Instant now, String note) {
        jdbc.sql("""
                update exchange.feed_record set status = :status, person_id = coalesce(:person, person_id),
                    outcome = :outcome, resolved_by = :actor, resolved_at = :now, resolution_note = :note
                where id = :id
                """).param("status", status).param("person", personId).param("outcome", outcome)
                .param("actor", actor).param("now", utc(now)).param("note", note).param("id", id).update();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::stored).optional();
    }

    List<Stored> queued(int limit) {
        return jdbc.sql(SELECT + " where status = 'QUEUED' order by created_at, id limit :limit")
                .param("limit", limit).query(this::stored).list();
    }

    /** A load's record with the name and village of the person it was applied to, if any. */
    record LoadRecord(long id, String recordId, String type, String idNumberMasked, LocalDate effectiveDate,
                      String status, String outcome, Long personId, String personName, String villageCode) {
    }

    /** One page of a load's accepted records, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<LoadRecord> ofLoad(long loadId,
                                                                 org.yilaoyixiao.platform.api.PageRequest page) {
        long total = jdbc.sql("select count(*) from exchange.feed_record where load_id = :load")
                .param("load", loadId).query(Long.class).single();
        List<LoadRecord> items = jdbc.sql("""
                        select r.id, r.record_id, r.type, r.id_number_masked, r.effective_date, r.status, r.outcome,
                               r.person_id, p.name as person_name, p.residence_division_code as village_code
                        from exchange.feed_record r left join registry.published_person p on p.id = r.person_id
                        where r.load_id = :load order by r.id limit :limit offset :offset
                        """).param("load", loadId).param("limit", page.size()).param("offset", page.offset())
                .query(LoadRecord.class).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** One page of a load's rejected records, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Rejected> rejections(long loadId,
                                                                   org.yilaoyixiao.platform.api.PageRequest page) {
        long total = jdbc.sql("select count(*) from exchange.feed_rejection where load_id = :l")
                .param("l", loadId).query(Long.class).single();
        List<Rejected> items = jdbc.sql("select idx, record_id, reason, reason_args from exchange.feed_rejection "
                        + "where load_id = :l order by idx limit :limit offset :offset").param("l", loadId)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new Rejected(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** One page of the records waiting for review, oldest first; a feed and a type narrow them. */
    org.yilaoyixiao.platform.api.PageResponse<Stored> queued(String feed, String type,
                                                             org.yilaoyixiao.platform.api.PageRequest page) {
        String where = " where status = 'QUEUED' and (cast(:feed as varchar) is null or feed = :feed)"
                + " and (cast(:type as varchar) is null or type = :type)";
        long total = jdbc.sql("select count(*) from exchange.feed_record" + where).param("feed", feed)
                .param("type", type).query(Long.class).single();
        List<Stored> items = jdbc.sql(SELECT + where + " order by created_at, id limit :limit offset :offset")
                .param("feed", feed).param("type", type).param("limit", page.size()).param("offset", page.offset())
                .query(this::stored).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many records wait for review: the inbox count. */
    long queuedCount() {
        return jdbc.sql("select count(*) from exchange.feed_record where status = 'QUEUED'").query(Long.class)
                .single();
    }

    /** A record to look at (no lock). */
    Optional<Stored> read(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::stored).optional();
    }

    /** One page of the loads, newest first; a feed narrows them. */
    org.yilaoyixiao.platform.api.PageResponse<Load> loads(String feed,
                                                          org.yilaoyixiao.platform.api.PageRequest page) {
        String where = " where (cast(:feed as varchar) is null or feed = :feed)";
        long total = jdbc.sql("select count(*) from exchange.feed_load" + where).param("feed", feed)
                .query(Long.class).single();
        List<Load> items = jdbc.sql(LOADS + where + " order by id desc limit :limit offset :offset")
                .param("feed", feed).param("limit", page.size()).param("offset", page.offset())
                .query(FeedRepository::load).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    List<Stored> ofLoad(long loadId) {
        return jdbc.sql(SELECT + " where load_id = :load order by id").param("load", loadId)
                .query(this::stored).list();
    }

    List<Stored> ofPerson(long personId) {
        return jdbc.sql(SELECT + " where person_id = :p and status in ('APPLIED', 'NO_CHANGE', 'RESOLVED') order by id")
                .param("p", personId).query(this::stored).list();
    }

    List<Rejected> rejections(long loadId) {
        return jdbc.sql("select idx, record_id, reason, reason_args from exchange.feed_rejection where load_id = :l "
                        + "order by idx").param("l", loadId)
                .query((rs, i) -> new Rejected(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<Load> load(long id) {
        return jdbc.sql(LOADS + " where id = :id").param("id", id).query(FeedRepository::load).optional();
    }

    List<Load> loads(int limit) {
        return jdbc.sql(LOADS + " order by id desc limit :limit").param("limit", limit)
                .query(FeedRepository::load).list();
    }

    private static final String LOADS = "select id, feed, channel, file_name, received_at, received_by, total, "
            + "accepted, duplicates, rejected, queued from exchange.feed_load";

    private static final String SELECT = "select id, load_id, feed, record_id, type, id_number_masked, effective_date,"
            + " payload::text as payload, status, person_id, outcome, review_reason, created_at, resolved_by,"
            + " resolution_note from exchange.feed_record";

    private static Load load(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Load(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rs.getInt(10), rs.getInt(11));
    }

    @SuppressWarnings("unchecked")
    private Stored stored(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("load_id"), rs.getString("feed"), rs.getString("record_id"),
                rs.getString("type"), rs.getString("id_number_masked"),
                rs.getObject("effective_date", LocalDate.class),
                json.readValue(rs.getString("payload"), Map.class), rs.getString("status"),
                rs.getObject("person_id", Long.class), rs.getString("outcome"), rs.getString("review_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("resolved_by"),
                rs.getString("resolution_note"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
