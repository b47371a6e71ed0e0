package org.yilaoyixiao.identity.internal;

import java.time.Instant;
import java.util.Set;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.Role;

/** An account as stored. */
record UserAccount(long id, String username, String displayName, String passwordHash, String divisionCode, Bureau bureau,
                   boolean enabled, boolean passwordMustChange, int failedAttempts, Instant lockedUntil, Instant lastLoginAt, Instant createdAt,
                   String createdBy, Set<Role> roles, int sessionStamp) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
