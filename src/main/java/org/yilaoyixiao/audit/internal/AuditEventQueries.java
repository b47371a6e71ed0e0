package org.yilaoyixiao.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

@Repository
class AuditEventQueries {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditEventQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    PageResponse<AuditEventView> find(AuditEventFilter filter, PageRequest page) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from audit.audit_event" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<AuditEventView> items = jdbc.sql("select * from audit.audit_event" + where.sql()
                        + " order by id desc limit :limit offset :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(AuditEventQueries::map).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    long count(AuditEventFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from audit.audit_event" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Every matching record, newest first, a batch of rows at a time (for the Excel export). */
    @Transactional(readOnly = true)
    void each(AuditEventFilter filter, int limit, java.util.function.Consumer<AuditEventView> consumer) {
        Where where = where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(streaming).query(
                "select * from audit.audit_event" + where.sql() + " order by id desc limit :limit", params,
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(map(rs, 0)));
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditEventFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor().trim());
        }
        if (filter.type() != null && !filter.type().isBlank()) {
            conditions.add("type = :type");
            params.put("type", filter.type().trim());
        }
        if (!filter.types().isEmpty()) {
            conditions.add("type in (:types)");
            params.put("types", List.copyOf(filter.types()));
        }
        if (filter.outcome() != null && !filter.outcome().isBlank()) {
            conditions.add("outcome = :outcome");
            params.put("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    /** Walks the whole chain in id order, streaming rows. */
    @Transactional(readOnly = true)
    ChainVerification verify() {
        String[] expectedPrev = {AuditHash.GENESIS};
        long[] checked = {0};
        ChainVerification[] broken = {null};
        streaming.query("select * from audit.audit_event order by id", rs -> {
            if (broken[0] != null) {
                return;
            }
            AuditEventView row = map(rs, 0);
            String prev = rs.getString("prev_hash");
            String stored = rs.getString("hash");
            checked[0]++;
            if (!expectedPrev[0].equals(prev)) {
                broken[0] = new ChainVerification(false, checked[0], row.id(), "LINK", null);
                return;
            }
            String recomputed = AuditHash.of(prev, row.id(), row.at(), row.actor(), row.type(), row.target(),
                    row.outcome(), row.detail(), row.remoteAddress());
            if (!recomputed.equals(stored)) {
                broken[0] = new ChainVerification(false, checked[0], row.id(), "CONTENT", null);
                return;
            }
            expectedPrev[0] = stored;
        });
        return broken[0] != null ? broken[0] : new ChainVerification(true, checked[0], null, null, expectedPrev[0]);
    }

    static AuditEventView map(ResultSet rs, int row) throws SQLException {
        return new AuditEventView(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("type"), rs.getString("target"), rs.getString("outcome"),
                rs.getString("detail"), rs.getString("remote_address"));
    }
}
