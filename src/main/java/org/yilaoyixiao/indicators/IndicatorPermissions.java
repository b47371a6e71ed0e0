package org.yilaoyixiao.indicators;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see indicators and the plan registry, and who enters statistics and reported values. */
@Component
public class IndicatorPermissions implements PermissionCatalog {

    public static final String READ = "indicators.indicators.read";
    /** Statistics inputs and reported values: county-level work of the responsible bureaus. */
    public static final String REPORT = "indicators.indicators.report";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.AUDITOR,
                        Role.LEADER),
                PermissionGrant.of(REPORT, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
