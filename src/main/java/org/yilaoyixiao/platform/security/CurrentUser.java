package org.yilaoyixiao.platform.security;

import java.util.Set;

/**
 * Who is acting, with their data scope: the code of the division whose subtree they may see, and for bureau staff
 * the bureau (business area) they work for, else null.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, String divisionCode,
                          Bureau bureau) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
