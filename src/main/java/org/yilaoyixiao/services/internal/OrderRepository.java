package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.services.NeedChannel;
import org.yilaoyixiao.services.ServiceCategory;

@Repository
class OrderRepository {

    static final String COLUMNS = "id, idempotency_key, person_id, division_code, item_id, item_code, category, "
            + "quantity, unit_price, price, channel, requested_for, note, status, provider_id, butler_username, "
            + "created_at, created_by, dispatched_at, accepted_at, checked_in_at, check_in_latitude, "
            + "check_in_longitude, checked_out_at, completion_published, stars, evaluation_comment, evaluated_by, "
            + "evaluated_at, sampled_for_check, spot_check_result, complaints, cancel_reason, cancelled_at, version";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewOrder(String idempotencyKey, long personId, String divisionCode, ServiceItem item, int quantity,
                    NeedChannel channel, Instant requestedFor, String note, Instant createdAt, String createdBy) {
    }

    /** The new order's id, or empty when an order with the key exists already (then nothing was written). */
    Optional<Long> insert(NewOrder o) {
        BigDecimal price = o.item().price().multiply(BigDecimal.valueOf(o.quantity()));
        return jdbc.sql("""
                        insert into services.service_order (idempotency_key, person_id, division_code, item_id,
                            item_code, category, quantity, unit_price, price, channel, requested_for, note, status,
                            created_at, created_by)
                        values (:key, :person, :division, :item, :code, :category, :quantity, :unitPrice, :price,
                            :channel, :requestedFor, :note, 'NEW', :createdAt, :createdBy)
                        on conflict (idempotency_key) do nothing
                        returning id
                        """)
                .param("key", o.idempotencyKey()).param("person", o.personId()).param("division", o.divisionCode())
                .param("item", o.item().id()).param("code", o.item().code())
                .param("category", o.item().category().name()).param("quantity", o.quantity())
                .param("unitPrice", o.item().price()).param("price", price).param("channel", o.channel().name())
                .param("requestedFor", ts(o.requestedFor())).param("note", o.note())
                .param("createdAt", ts(o.createdAt())).param("createdBy", o.createdBy())
                .query(Long.class).optional();
    }

    Optional<OrderRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where id = :id").param("id", id)
                .query(OrderRepository::map).optional();
    }

    Optional<OrderRecord> findByKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where idempotency_key = :key")
                .param("key", key).query(OrderRepository::map).optional();
    }

    /**
     * Writes the transition's changes if the order is still at the version read; false when someone else changed it
     * in between (optimistic locking). {@code changes} maps column names (ours, never input) to values.
     */
    boolean update(long id, int expectedVersion, OrderStatus to, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("update services.service_order set status = :status, version = version + 1");
        changes.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" where id = :id and version = :version");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("status", to.name()).param("id", id)
                .param("version", expectedVersion);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue() instanceof Instant instant ? ts(instant) : change.getValue();
            statement = statement.param(change.getKey(), value);
        }
        return statement.update() == 1;
    }

    void history(long orderId, OrderAction action, OrderStatus from, OrderStatus to, String actor, Instant at,
                 String note) {
        jdbc.sql("""
                        insert into services.order_transition (order_id, action, from_status, to_status, actor, at, note)
                        values (:order, :action, :from, :to, :actor, :at, :note)
                        """)
                .param("order", orderId).param("action", action == null ? "CREATE" : action.name())
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor)
                .param("at", ts(at)).param("note", note).update();
    }

    List<OrderTransition> history(long orderId) {
        return jdbc.sql("select id, order_id, action, from_status, to_status, actor, at, note"
                        + " from services.order_transition where order_id = :id order by id")
                .param("id", orderId)
                .query((rs, i) -> new OrderTransition(rs.getLong("id"), rs.getLong("order_id"),
                        "CREATE".equals(rs.getString("action")) ? null : OrderAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : OrderStatus.valueOf(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        instant(rs, "at"), rs.getString("note"))).list();
    }

    /** Orders in the divisions with one of the states, newest first. */
    List<OrderRecord> inDivisions(Set<String> divisions, Set<OrderStatus> statuses, int limit) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where division_code = any(:codes)"
                        + " and status = any(:statuses) order by created_at desc, id desc limit :limit")
                .param("codes", divisions.toArray(String[]::new))
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("limit", limit).query(OrderRepository::map).list();
    }

    /** One page of the orders in the divisions with one of the states, created in [from, to), newest first. */
    org.yilaoyixiao.platform.api.PageResponse<OrderRecord> page(Set<String> divisions, Set<OrderStatus> statuses,
                                                                 Instant from, Instant to,
                                                                 org.yilaoyixiao.platform.api.PageRequest page) {
        String where = " where division_code = any(:codes) and status = any(:statuses)"
                + " and (cast(:from as timestamptz) is null or created_at >= :from)"
                + " and (cast(:to as timestamptz) is null or created_at < :to)";
        String[] codes = divisions.toArray(String[]::new);
        String[] states = statuses.stream().map(Enum::name).toArray(String[]::new);
        long total = jdbc.sql("select count(*) from services.service_order" + where).param("codes", codes)
                .param("statuses", states).param("from", ts(from)).param("to", ts(to)).query(Long.class).single();
        List<OrderRecord> items = jdbc.sql("select " + COLUMNS + " from services.service_order" + where
                        + " order by created_at desc, id desc limit :size offset :offset")
                .param("codes", codes).param("statuses", states).param("from", ts(from)).param("to", ts(to))
                .param("size", page.size()).param("offset", page.offset()).query(OrderRepository::map).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many orders in the divisions are in one of the states: an inbox count. */
    long count(Set<String> divisions, Set<OrderStatus> statuses) {
        return jdbc.sql("select count(*) from services.service_order where division_code = any(:codes)"
                        + " and status = any(:statuses)")
                .param("codes", divisions.toArray(String[]::new))
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class).single();
    }

    /** How many of a butler's orders are in one of the states. */
    long countForButler(String username, Set<OrderStatus> statuses) {
        return jdbc.sql("select count(*) from services.service_order where butler_username = :u"
                        + " and status = any(:statuses)")
                .param("u", username).param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class).single();
    }

    /** The first of a butler's orders in one of the states, the soonest wanted first. */
    List<OrderRecord> firstForButler(String username, Set<OrderStatus> statuses, int limit) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where butler_username = :u"
                        + " and status = any(:statuses) order by requested_for, id limit :limit")
                .param("u", username).param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("limit", limit).query(OrderRepository::map).list();
    }

    /** A butler's orders that are not finished, and those finished since {@code since}. */
    List<OrderRecord> forButler(String username, Instant since) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where butler_username = :u"
                        + " and (status in ('DISPATCHED', 'ACCEPTED', 'IN_SERVICE', 'REWORK') or checked_out_at >= :since)"
                        + " order by requested_for, id limit 200")
                .param("u", username).param("since", ts(since)).query(OrderRepository::map).list();
    }

    /** Open orders per butler, for caseloads and the load part of dispatch suggestions. */
    Map<String, Integer> openLoad(Set<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> load = new java.util.HashMap<>();
        jdbc.sql("select butler_username, count(*) from services.service_order where butler_username = any(:u)"
                        + " and status in ('DISPATCHED', 'ACCEPTED', 'IN_SERVICE', 'REWORK') group by butler_username")
                .param("u", usernames.toArray(String[]::new))
                .query(rs -> {
                    load.put(rs.getString(1), rs.getInt(2));
                });
        return load;
    }

    /** Delivered orders in the divisions not yet sampled, in random order: the spot-check draw. */
    List<Long> unsampledDelivered(Set<String> divisions, int size) {
        return jdbc.sql("select id from services.service_order where division_code = any(:codes)"
                        + " and status in ('COMPLETED', 'EVALUATED') and not sampled_for_check"
                        + " order by random() limit :size")
                .param("codes", divisions.toArray(String[]::new)).param("size", size).query(Long.class).list();
    }

    void markSampled(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update services.service_order set sampled_for_check = true where id in (:ids)")
                    .param("ids", ids).update();
        }
    }

    List<OrderRecord> sampled(Set<String> divisions) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where division_code = any(:codes)"
                        + " and sampled_for_check order by (spot_check_result is not null), id desc limit 200")
                .param("codes", divisions.toArray(String[]::new)).query(OrderRepository::map).list();
    }

    /** Orders not cancelled created since {@code since}, for the response-time check. */
    List<OrderRecord> notCancelledSince(Set<String> divisions, Instant since) {
        return jdbc.sql("select " + COLUMNS + " from services.service_order where division_code = any(:codes)"
                        + " and status <> 'CANCELLED' and created_at >= :since order by created_at, id limit 5000")
                .param("codes", divisions.toArray(String[]::new)).param("since", ts(since))
                .query(OrderRepository::map).list();
    }

    record Rating(String category, long evaluated, BigDecimal averageStars, long lowRatings) {
    }

    List<Rating> ratings(Set<String> divisions, Instant since) {
        return jdbc.sql("""
                        select category, count(*) as n, round(avg(stars), 2) as avg_stars,
                               count(*) filter (where stars <= 2) as low
                        from services.service_order where division_code = any(:codes) and stars is not null
                          and evaluated_at >= :since
                        group by category order by category
                        """)
                .param("codes", divisions.toArray(String[]::new)).param("since", ts(since))
                .query((rs, i) -> new Rating(rs.getString("category"), rs.getLong("n"), rs.getBigDecimal("avg_stars"),
                        rs.getLong("low"))).list();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OrderRecord map(ResultSet rs, int row) throws SQLException {
        return new OrderRecord(rs.getLong("id"), rs.getString("idempotency_key"), rs.getLong("person_id"),
                rs.getString("division_code"), rs.getLong("item_id"), rs.getString("item_code"),
                ServiceCategory.valueOf(rs.getString("category")), rs.getInt("quantity"),
                rs.getBigDecimal("unit_price"), rs.getBigDecimal("price"), NeedChannel.valueOf(rs.getString("channel")),
                instant(rs, "requested_for"), rs.getString("note"), OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("provider_id", Long.class), rs.getString("butler_username"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "dispatched_at"), instant(rs, "accepted_at"),
                instant(rs, "checked_in_at"), rs.getBigDecimal("check_in_latitude"),
                rs.getBigDecimal("check_in_longitude"), instant(rs, "checked_out_at"),
                rs.getBoolean("completion_published"), rs.getObject("stars", Integer.class),
                rs.getString("evaluation_comment"), rs.getString("evaluated_by"), instant(rs, "evaluated_at"),
                rs.getBoolean("sampled_for_check"), rs.getString("spot_check_result"), rs.getInt("complaints"),
                rs.getString("cancel_reason"), instant(rs, "cancelled_at"), rs.getInt("version"));
    }
}
