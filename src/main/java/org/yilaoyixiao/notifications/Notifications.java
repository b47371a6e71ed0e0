package org.yilaoyixiao.notifications;

/** Records a notification in the caller's transaction; it is sent after commit by the dispatcher. */
public interface Notifications {

    /** The message's id; an already known idempotency key returns the first message's id and records nothing. */
    long send(Notification notification);
}
