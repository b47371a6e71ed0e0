package org.yilaoyixiao.audit.internal;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of the audit trail; any may be null. {@code types}, when not empty, keeps only those types (the reads and
 * exports of personal data); {@code outcome} is SUCCESS, FAILURE or DENIED. {@code to} is exclusive.
 */
record AuditEventFilter(String actor, String type, Set<String> types, String outcome, Instant from, Instant to) {

    AuditEventFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    AuditEventFilter(String actor, String type, Instant from, Instant to) {
        this(actor, type, Set.of(), null, from, to);
    }

    /** The filters in force, as the trail records a search: only those that were set. */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "actor", actor);
        append(text, "type", type);
        append(text, "sensitive", types.isEmpty() ? null : "true");
        append(text, "outcome", outcome);
        append(text, "from", from == null ? null : from.toString());
        append(text, "to", to == null ? null : to.toString());
        return text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null && !value.isBlank()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(key).append('=').append(value.strip());
        }
    }
}
