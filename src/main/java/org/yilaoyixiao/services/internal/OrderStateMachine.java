package org.yilaoyixiao.services.internal;

import static org.yilaoyixiao.services.internal.OrderStatus.ACCEPTED;
import static org.yilaoyixiao.services.internal.OrderStatus.CANCELLED;
import static org.yilaoyixiao.services.internal.OrderStatus.COMPLETED;
import static org.yilaoyixiao.services.internal.OrderStatus.DISPATCHED;
import static org.yilaoyixiao.services.internal.OrderStatus.EVALUATED;
import static org.yilaoyixiao.services.internal.OrderStatus.IN_SERVICE;
import static org.yilaoyixiao.services.internal.OrderStatus.NEW;
import static org.yilaoyixiao.services.internal.OrderStatus.REWORK;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order loop as one table: for each action, the states it may start from and where it leads. Anything not in the
 * table is an illegal transition. Pure, so that every state × action pair can be tested.
 * <p>
 * {@link OrderAction#CANCEL} from {@code COMPLETED}, {@code EVALUATED} or {@code REWORK} is a supervisor voiding a
 * delivered order: allowed by the table, but {@link Orders} also demands the supervise permission and a reason.
 * Complaints and spot checks are recorded against a delivered order without moving it.
 */
final class OrderStateMachine {

    private static final Map<OrderAction, Map<OrderStatus, OrderStatus>> TABLE = new EnumMap<>(OrderAction.class);

    static {
        allow(OrderAction.DISPATCH, NEW, DISPATCHED);
        allow(OrderAction.DISPATCH, DISPATCHED, DISPATCHED); // reassign before it is accepted
        allow(OrderAction.ACCEPT, DISPATCHED, ACCEPTED);
        allow(OrderAction.CHECK_IN, ACCEPTED, IN_SERVICE);
        allow(OrderAction.CHECK_IN, REWORK, IN_SERVICE);
        allow(OrderAction.CHECK_OUT, IN_SERVICE, COMPLETED);
        allow(OrderAction.EVALUATE, COMPLETED, EVALUATED);
        allow(OrderAction.COMPLAIN, COMPLETED, COMPLETED);
        allow(OrderAction.COMPLAIN, EVALUATED, EVALUATED);
        allow(OrderAction.SPOT_CHECK, COMPLETED, COMPLETED);
        allow(OrderAction.SPOT_CHECK, EVALUATED, EVALUATED);
        allow(OrderAction.REWORK, COMPLETED, REWORK);
        allow(OrderAction.REWORK, EVALUATED, REWORK);
        allow(OrderAction.CANCEL, NEW, CANCELLED);
        allow(OrderAction.CANCEL, DISPATCHED, CANCELLED);
        allow(OrderAction.CANCEL, ACCEPTED, CANCELLED);
        allow(OrderAction.CANCEL, COMPLETED, CANCELLED);
        allow(OrderAction.CANCEL, EVALUATED, CANCELLED);
        allow(OrderAction.CANCEL, REWORK, CANCELLED);
    }

    private OrderStateMachine() {
    }

    private static void allow(OrderAction action, OrderStatus from, OrderStatus to) {
        TABLE.computeIfAbsent(action, a -> new EnumMap<>(OrderStatus.class)).put(from, to);
    }

    /** Where the action leads from the state; empty when it is illegal there. */
    static Optional<OrderStatus> next(OrderStatus from, OrderAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(action, Map.of()).get(from));
    }

    /** Whether a cancel from this state voids a delivered order (supervisors only, with a reason). */
    static boolean isVoid(OrderStatus from) {
        return from == COMPLETED || from == EVALUATED || from == REWORK;
    }
}
