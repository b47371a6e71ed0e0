package org.yilaoyixiao.audit;

/**
 * What to write into the trail. {@code type} is an upper-case event name owned by the module that records it
 * ({@code LOGIN_SUCCESS}, {@code USER_CREATED}, {@code PERSON_SENSITIVE_READ}, …); {@code target} names the object
 * ({@code user:zhangsan}, {@code division:331121001}). Leave {@code actor} null to take the logged-in user.
 */
public record AuditRecord(String type, String target, AuditOutcome outcome, String detail, String actor) {

    public AuditRecord {
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{1,59}")) {
            throw new IllegalArgumentException("Audit event types are UPPER_SNAKE_CASE: " + type);
        }
        if (outcome == null) {
            throw new IllegalArgumentException("An audit record needs an outcome");
        }
    }

    public static AuditRecord of(String type, String target, AuditOutcome outcome, String detail) {
        return new AuditRecord(type, target, outcome, detail, null);
    }

    public static AuditRecord success(String type, String target, String detail) {
        return of(type, target, AuditOutcome.SUCCESS, detail);
    }

    public AuditRecord by(String explicitActor) {
        return new AuditRecord(type, target, outcome, detail, explicitActor);
    }
}
