package org.yilaoyixiao.facilities;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see and change facilities and their staff; always further limited to the user's data scope. */
@Component
public class FacilitiesPermissions implements PermissionCatalog {

    public static final String READ = "facilities.facilities.read";
    /** Register and change facilities and staff; county-level work (institution operators come later, for their own). */
    public static final String MANAGE = "facilities.facilities.manage";

    /** Register staff and renew certificates of one's own institution (an operator; decision 0040). */
    public static final String MANAGE_OWN = "facilities.own-institution.manage";

    private static final List<PermissionGrant> GRANTS = List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.INSTITUTION_OPERATOR, Role.AUDITOR),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(MANAGE_OWN, Role.INSTITUTION_OPERATOR));

    @Override
    public Collection<PermissionGrant> grants() {
        return GRANTS;
    }

    /** Whether one of the user's roles holds the permission (for inbox items, decided without a request). */
    public static boolean holds(CurrentUser user, String permission) {
        return GRANTS.stream().anyMatch(g -> g.permission().equals(permission)
                && g.roles().stream().anyMatch(user::hasRole));
    }
}
