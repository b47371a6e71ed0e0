package org.yilaoyixiao.planning;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see the plan registry and who records project progress. */
@Component
public class PlanningPermissions implements PermissionCatalog {

    public static final String READ = "planning.plan.read";
    public static final String MANAGE = "planning.plan.manage";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.AUDITOR,
                        Role.LEADER),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
