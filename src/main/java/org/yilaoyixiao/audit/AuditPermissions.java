package org.yilaoyixiao.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

@Component
public class AuditPermissions implements PermissionCatalog {

    /** Read the audit trail and check its integrity. */
    public static final String READ = "audit.trail.read";
    /**
     * Take a filtered part of the trail to Excel: the auditors' work. Administrators read the trail on screen; the
     * records they are checked against leave with those who check them.
     */
    public static final String EXPORT = "audit.trail.export";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(PermissionGrant.of(READ, Role.AUDITOR, Role.COUNTY_ADMIN),
                PermissionGrant.of(EXPORT, Role.AUDITOR));
    }
}
