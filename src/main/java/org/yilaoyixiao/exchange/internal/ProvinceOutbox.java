package org.yilaoyixiao.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox to the province platform, after the notifications module's: {@link #enqueue} records a payload once per
 * idempotency key (a second enqueue of the key records nothing); {@link #dispatch} delivers what is due, one payload
 * per short transaction claimed with {@code skip locked}, and marks it delivered in the same transaction — so a
 * payload is lost neither when the province is down (it stays pending and is retried with doubling back-off) nor sent
 * twice by two dispatchers. Should the process die between the province's answer and the commit, the payload is sent
 * again with the same {@code Idempotency-Key}, which the province uses to drop the repeat.
 */
@Service
class ProvinceOutbox {

    record Delivery(long id, String kind, String idempotencyKey, String period, int itemCount, String status,
                    int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                    String sha256) {
    }

    private record Pending(long id, String kind, String key, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProvinceSettings settings;
    private final Clock clock;
    private ProvinceDelivery delivery;

    ProvinceOutbox(JdbcClient jdbc, TransactionTemplate transactions, ProvinceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.delivery = settings.http() ? new HttpProvinceDelivery(settings.url(), settings.token())
                : new FileProvinceDelivery(Path.of(settings.directory()));
    }

    /** For tests: deliver somewhere else (a local server, another directory). */
    void useDelivery(ProvinceDelivery delivery) {
        this.delivery = delivery;
    }

    /** True when the payload was recorded, false when the key was already in the outbox. */
    boolean enqueue(String kind, String key, String period, int itemCount, String payload) {
        return jdbc.sql("""
                insert into exchange.province_outbox (kind, idempotency_key, period, payload, payload_sha256,
                    item_count, next_attempt_at, created_at)
                values (:kind, :key, :period, :payload, :sha, :count, :now, :now)
                on conflict (idempotency_key) do nothing
                """).param("kind", kind).param("key", key).param("period", period).param("payload", payload)
                .param("sha", sha256(payload)).param("count", itemCount).param("now", now()).update() == 1;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${yly.exchange.province.dispatch-interval:PT30S}")
    void scheduled() {
        if (settings.dispatchEnabled()) {
            dispatch();
        }
    }

    /** Delivers every pending payload that is due; the number delivered. */
    int dispatch() {
        int delivered = 0;
        while (true) {
            Boolean outcome = transactions.execute(status -> {
                List<Pending> next = jdbc.sql("""
                                select id, kind, idempotency_key, payload, attempts from exchange.province_outbox
                                where status = 'PENDING' and next_attempt_at <= :now
                                order by next_attempt_at, id limit 1 for update skip locked
                                """).param("now", now())
                        .query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5))).list();
                if (next.isEmpty()) {
                    return null;
                }
                return deliver(next.get(0));
            });
            if (outcome == null) {
                return delivered;
            }
            if (outcome) {
                delivered++;
            }
        }
    }

    private boolean deliver(Pending p) {
        try {
            delivery.deliver(p.kind(), p.key(), p.payload());
            jdbc.sql("""
                    update exchange.province_outbox set status = 'DELIVERED', attempts = attempts + 1,
                        delivered_at = :now, last_error = null where id = :id
                    """).param("now", now()).param("id", p.id()).update();
            return true;
        } catch (ProvinceDelivery.Failed e) {
            int attempts = p.attempts() + 1;
            Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 10));
            jdbc.sql("""
                    update exchange.province_outbox set attempts = :a, last_error = :error,
                        status = case when :a >= :max then 'FAILED' else 'PENDING' end, next_attempt_at = :next
                    where id = :id
                    """).param("a", attempts).param("error", cut(e.getMessage())).param("max", settings.maxAttempts())
                    .param("next", OffsetDateTime.ofInstant(clock.instant().plus(wait), java.time.ZoneOffset.UTC))
                    .param("id", p.id()).update();
            return false;
        }
    }

    /** A failed payload goes back to pending, to be tried again now (an operator's action after an outage). */
    boolean retry(long id) {
        return jdbc.sql("""
                update exchange.province_outbox set status = 'PENDING', next_attempt_at = :now
                where id = :id and status = 'FAILED'
                """).param("now", now()).param("id", id).update() == 1;
    }

    List<Delivery> deliveries(String status, int limit) {
        return jdbc.sql("""
                        select id, kind, idempotency_key, period, item_count, status, attempts, last_error, created_at,
                               next_attempt_at, delivered_at, payload_sha256
                        from exchange.province_outbox where (cast(:status as varchar) is null or status = :status)
                        order by id desc limit :limit
                        """).param("status", status == null || status.isBlank() ? null : status)
                .param("limit", limit)
                .query((rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getString(8), instant(rs, 9),
                        instant(rs, 10), instant(rs, 11), rs.getString(12))).list();
    }

    /** One page of the deliveries, newest first; a status and a kind narrow them. */
    org.yilaoyixiao.platform.api.PageResponse<Delivery> deliveries(String status, String kind,
                                                                   org.yilaoyixiao.platform.api.PageRequest page) {
        String where = " where (cast(:status as varchar) is null or status = :status)"
                + " and (cast(:kind as varchar) is null or kind = :kind)";
        long total = jdbc.sql("select count(*) from exchange.province_outbox" + where).param("status", status)
                .param("kind", kind).query(Long.class).single();
        List<Delivery> items = jdbc.sql("""
                        select id, kind, idempotency_key, period, item_count, status, attempts, last_error, created_at,
                               next_attempt_at, delivered_at, payload_sha256
                        from exchange.province_outbox""" + where + " order by id desc limit :limit offset :offset")
                .param("status", status).param("kind", kind).param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getString(8), instant(rs, 9),
                        instant(rs, 10), instant(rs, 11), rs.getString(12))).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Deliveries that gave up after every attempt: the administrators' inbox count. */
    long failedCount() {
        return jdbc.sql("select count(*) from exchange.province_outbox where status = 'FAILED'").query(Long.class)
                .single();
    }

    boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from exchange.province_outbox where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static String cut(String value) {
        String v = value == null ? "" : value;
        return v.length() > 300 ? v.substring(0, 300) : v;
    }

    static String sha256(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
