package org.yilaoyixiao.assessment;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see and record capability assessments; always further limited to the user's data scope. */
@Component
public class AssessmentPermissions implements PermissionCatalog {

    public static final String READ = "assessment.assessments.read";
    public static final String MANAGE = "assessment.assessments.manage";

    private static final List<PermissionGrant> GRANTS = List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.INSTITUTION_OPERATOR, Role.AUDITOR),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF));

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
