package org.yilaoyixiao.platform.security;

import java.util.Set;

/**
 * One permission and the roles that hold it. Permission names are {@code module.subject.action}, for example
 * {@code identity.users.manage}; use them in {@code hasAuthority(...)} checks.
 */
public record PermissionGrant(String permission, Set<Role> roles) {

    public PermissionGrant {
        if (permission == null || !permission.matches("[a-z]+(\\.[a-z-]+)+")) {
            throw new IllegalArgumentException("Permission names look like module.subject.action: " + permission);
        }
        roles = Set.copyOf(roles);
    }

    public static PermissionGrant of(String permission, Role... roles) {
        return new PermissionGrant(permission, Set.of(roles));
    }
}
