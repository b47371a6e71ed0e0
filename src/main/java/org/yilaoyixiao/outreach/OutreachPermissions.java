package org.yilaoyixiao.outreach;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who sees the outreach worklist (within their division scope), acts on it, and starts a scan. */
@Component
public class OutreachPermissions implements PermissionCatalog {

    public static final String READ = "outreach.worklist.read";
    public static final String ACT = "outreach.worklist.act";
    public static final String SCAN = "outreach.scan.run";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.AUDITOR),
                PermissionGrant.of(ACT, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(SCAN, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
