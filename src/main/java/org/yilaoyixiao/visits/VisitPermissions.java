package org.yilaoyixiao.visits;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see, record and plan visits; always further limited to the user's data scope. */
@Component
public class VisitPermissions implements PermissionCatalog {

    public static final String READ = "visits.visits.read";
    /** Record a visit in the field: care butlers, township staff (village cadres work with township accounts). */
    public static final String RECORD = "visits.visits.record";
    /** Assign villages and tasks to visitors, add or remove target elders by hand, report major events. */
    public static final String MANAGE = "visits.plans.manage";
    /** Recompute a month's target population and plans, county-wide. */
    public static final String GENERATE = "visits.plans.generate";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.AUDITOR),
                PermissionGrant.of(RECORD, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(GENERATE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
