package org.yilaoyixiao.platform.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.yilaoyixiao.platform.security.Role;

/**
 * One page in the shell's navigation, in one {@link NavigationArea}. A user sees it when they hold
 * {@code permission} (null: every logged-in user) and, when {@code roles} is not empty, one of those roles: a
 * permission says what a user may do, the roles say whose daily work the page is (a butler may read policy
 * parameters, but they are not part of a butler's day).
 */
public record NavigationEntry(NavigationArea area, String labelKey, String path, String permission, int order,
                              Set<Role> roles) {

    public NavigationEntry {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    /** A page for everyone who holds the permission. */
    public static NavigationEntry of(NavigationArea area, String labelKey, String path, String permission,
                                     int order) {
        return new NavigationEntry(area, labelKey, path, permission, order, Set.of());
    }

    /** The same page, shown only to users with one of these roles. */
    public NavigationEntry forRoles(Role first, Role... others) {
        return new NavigationEntry(area, labelKey, path, permission, order, EnumSet.of(first, others));
    }

    /** The same page, shown to every role with the permission except these. */
    public NavigationEntry exceptFor(Role first, Role... others) {
        EnumSet<Role> shown = EnumSet.complementOf(EnumSet.of(first, others));
        return new NavigationEntry(area, labelKey, path, permission, order, shown);
    }

    boolean visibleTo(Collection<String> authorities, Collection<Role> userRoles) {
        if (permission != null && !authorities.contains(permission)) {
            return false;
        }
        return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
    }
}
