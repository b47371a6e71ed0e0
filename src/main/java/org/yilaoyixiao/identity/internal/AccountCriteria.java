package org.yilaoyixiao.identity.internal;

import java.time.Duration;
import java.time.Instant;
import org.yilaoyixiao.platform.security.Role;

/**
 * What the administrators' account list is filtered by; any may be null. {@code divisionCode} keeps the accounts of
 * that division and below it (within the administrator's own scope).
 */
record AccountCriteria(String text, Role role, String divisionCode, Status status) {

    /** An initial or reset password nobody has used for this long is waiting for an administrator to follow up. */
    static final Duration STALE_INITIAL_PASSWORD = Duration.ofDays(7);

    static AccountCriteria all() {
        return new AccountCriteria(null, null, null, null);
    }

    /** The states an administrator looks for. */
    enum Status {
        /** Enabled and not locked. */
        ACTIVE,
        /** Locked after failed logins, until the lock runs out or someone unlocks it. */
        LOCKED,
        DISABLED,
        /**
         * Enabled, never logged in, with the initial password (set by an administrator) older than
         * {@link #STALE_INITIAL_PASSWORD}: the person may never have received it.
         */
        NEVER_USED;

        public String labelKey() {
            return "users.status." + name();
        }
    }

    static Instant staleBefore(Instant now) {
        return now.minus(STALE_INITIAL_PASSWORD);
    }
}
