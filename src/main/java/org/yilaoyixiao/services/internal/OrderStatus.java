package org.yilaoyixiao.services.internal;

import java.util.EnumSet;
import java.util.Set;

/** Where a service order stands. */
enum OrderStatus {
    /** Taken, nobody assigned yet. */
    NEW,
    /** Given to a provider or a butler, not yet accepted. */
    DISPATCHED,
    ACCEPTED,
    /** Checked in: the service is being delivered. */
    IN_SERVICE,
    /** Checked out: delivered (and paid for by whoever listens), waiting for the elder's evaluation. */
    COMPLETED,
    EVALUATED,
    /** Sent back by a supervisor after a complaint or a failed spot check; to be checked in and out again. */
    REWORK,
    CANCELLED;

    /** Orders someone still has to act on. */
    static final Set<OrderStatus> OPEN = EnumSet.of(NEW, DISPATCHED, ACCEPTED, IN_SERVICE, REWORK);

    public String labelKey() {
        return "services.status." + name();
    }
}
