package org.yilaoyixiao.guardian;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see and handle guardian alerts, bind devices, and issue gateway keys; always within the data scope. */
@Component
public class GuardianPermissions implements PermissionCatalog {

    public static final String READ = "guardian.alerts.read";
    public static final String HANDLE = "guardian.alerts.handle";
    public static final String DEVICES = "guardian.devices.manage";
    public static final String GATEWAYS = "guardian.gateways.manage";
    /** Held only by gateways (devices and partner banks) authenticated with an API key, never by a user. */
    public static final String GATEWAY_AUTHORITY = "GUARDIAN_GATEWAY";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.AUDITOR),
                PermissionGrant.of(HANDLE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER),
                PermissionGrant.of(DEVICES, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                // county-level work: a gateway serves devices across townships (issue 21 will bind devices to gateways)
                PermissionGrant.of(GATEWAYS, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
