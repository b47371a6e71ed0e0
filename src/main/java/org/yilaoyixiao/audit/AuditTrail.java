package org.yilaoyixiao.audit;

/**
 * Writes to the audit trail. A record joins the caller's transaction, so a change and its audit record commit or
 * roll back together; without a transaction it commits on its own.
 */
public interface AuditTrail {

    void record(AuditRecord record);
}
