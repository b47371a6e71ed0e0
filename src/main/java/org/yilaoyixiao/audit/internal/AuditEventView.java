package org.yilaoyixiao.audit.internal;

import java.time.Instant;

/** One audit record as auditors see it. */
record AuditEventView(long id, Instant at, String actor, String type, String target, String outcome, String detail,
                      String remoteAddress) {
}
