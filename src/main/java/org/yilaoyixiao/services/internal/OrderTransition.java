package org.yilaoyixiao.services.internal;

import java.time.Instant;

/** One step in an order's history: who did what, when, from which state to which. */
record OrderTransition(long id, long orderId, OrderAction action, OrderStatus fromStatus, OrderStatus toStatus,
                       String actor, Instant at, String note) {
}
