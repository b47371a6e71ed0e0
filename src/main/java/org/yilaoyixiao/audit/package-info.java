/**
 * Audit trail (审计): an append-only, hash-chained record of who did what, when, from where and with what outcome —
 * logins, account changes, every read of a person's sensitive data and every change. Modules write through
 * {@link org.yilaoyixiao.audit.AuditTrail}; auditors read and verify the chain here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计")
package org.yilaoyixiao.audit;
