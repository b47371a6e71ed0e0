package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.visits.ServiceNeedRaised;

/**
 * The service orders a visit's findings raised, read from the services module's published view by the key each
 * finding's order is raised under. The order is raised after the visit commits, so for a short while a need has none
 * yet ({@link Line#pending()}); a need the menu cannot serve never gets one.
 */
@Component
class RaisedOrders {

    /** How long after a visit its orders are still expected to appear. */
    static final Duration EXPECTED_WITHIN = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    RaisedOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A need found on the visit, and the order raised for it (null: none, yet or at all). */
    record Line(String area, String service, Long orderId, String itemName, String status, boolean pending) {
    }

    List<Line> of(VisitRecord visit) {
        Map<String, String> needs = new java.util.LinkedHashMap<>();
        visit.findings().forEach((area, f) -> {
            if ("SERVICE_NEED".equals(f.raise())) {
                needs.put(ServiceNeedRaised.orderKey(visit.id(), area), area);
            }
        });
        if (needs.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> orders = new HashMap<>();
        jdbc.sql("select idempotency_key, id, item_name, status from services.published_raised_order "
                        + "where idempotency_key = any(:keys)")
                .param("keys", needs.keySet().toArray(String[]::new))
                .query((rs, i) -> orders.put(rs.getString(1),
                        new Object[]{rs.getLong(2), rs.getString(3), rs.getString(4)})).list();
        Instant recorded = jdbc.sql("select created_at from visits.visit where id = :id").param("id", visit.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        boolean recent = Duration.between(recorded, clock.instant()).compareTo(EXPECTED_WITHIN) < 0;
        List<Line> lines = new ArrayList<>();
        needs.forEach((key, area) -> {
            Object[] o = orders.get(key);
            String service = visit.findings().get(area).service();
            lines.add(o == null
                    ? new Line(area, service, null, null, null, recent && !"OTHER".equals(service))
                    : new Line(area, service, (Long) o[0], (String) o[1], (String) o[2], false));
        });
        return lines;
    }

    static boolean anyPending(List<Line> lines) {
        return lines.stream().anyMatch(Line::pending);
    }
}
