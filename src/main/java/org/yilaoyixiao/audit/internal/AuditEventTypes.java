package org.yilaoyixiao.audit.internal;

/** Event types the audit module records about itself. */
final class AuditEventTypes {

    static final String AUDIT_TRAIL_READ = "AUDIT_TRAIL_READ";
    static final String AUDIT_CHAIN_VERIFIED = "AUDIT_CHAIN_VERIFIED";

    private AuditEventTypes() {
    }
}
