package org.yilaoyixiao.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    /** Refused for lack of permission or scope. */
    DENIED
}
