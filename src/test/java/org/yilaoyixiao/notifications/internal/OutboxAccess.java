package org.yilaoyixiao.notifications.internal;

import org.yilaoyixiao.notifications.Notifications;

/** Lets tests of other modules run the dispatcher now instead of waiting for its schedule. */
public final class OutboxAccess {

    private OutboxAccess() {
    }

    public static int dispatch(Notifications notifications) {
        return ((Outbox) notifications).dispatch();
    }
}
