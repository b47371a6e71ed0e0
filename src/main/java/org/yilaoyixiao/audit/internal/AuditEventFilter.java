package org.yilaoyixiao.audit.internal;

import java.time.Instant;

/** Filters of the audit trail; any may be null. {@code to} is exclusive. */
record AuditEventFilter(String actor, String type, Instant from, Instant to) {
}
