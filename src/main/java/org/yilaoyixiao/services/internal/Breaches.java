package org.yilaoyixiao.services.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Response-time breaches: the service must start (first check-in) within the category's target after it is wanted —
 * after the order was taken, or after the requested time if that is later. An order not yet started whose target has
 * passed is a breach already (open); cancelled orders are not counted.
 */
@Component
class Breaches {

    static final Duration WINDOW = Duration.ofDays(30);

    private final OrderRepository orders;
    private final ResponseTargets targets;
    private final Clock clock;

    Breaches(OrderRepository orders, ResponseTargets targets, Clock clock) {
        this.orders = orders;
        this.targets = targets;
        this.clock = clock;
    }

    record Breach(OrderRecord order, Instant due, Duration target, Duration late, boolean open) {
    }

    /** Breaches of orders taken in the last 30 days in the divisions, worst first. */
    List<Breach> in(Set<String> divisions) {
        Instant now = clock.instant();
        return orders.notCancelledSince(divisions, now.minus(WINDOW)).stream()
                .map(o -> breach(o, now)).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Breach::late).reversed()).toList();
    }

    Breach breach(OrderRecord order, Instant now) {
        Duration target = targets.target(order.category());
        if (target == null || order.status() == OrderStatus.CANCELLED) {
            return null;
        }
        Instant wanted = order.requestedFor().isAfter(order.createdAt()) ? order.requestedFor() : order.createdAt();
        Instant due = wanted.plus(target);
        Instant started = order.checkedInAt();
        if (started != null) {
            return started.isAfter(due) ? new Breach(order, due, target, Duration.between(due, started), false) : null;
        }
        return now.isAfter(due) ? new Breach(order, due, target, Duration.between(due, now), true) : null;
    }
}
