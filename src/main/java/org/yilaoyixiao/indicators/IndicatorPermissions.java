package org.yilaoyixiao.indicators;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see indicators and the plan registry, who enters statistics and reported values, who recomputes. */
@Component
public class IndicatorPermissions implements PermissionCatalog {

    public static final String READ = "indicators.indicators.read";
    /** Statistics inputs and reported values: county-level work of the responsible bureaus. */
    public static final String REPORT = "indicators.indicators.report";
    /** Recompute every indicator now ("重新计算"), county-wide: the bureaus that answer for the numbers. */
    public static final String RECOMPUTE = "indicators.indicators.recompute";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.AUDITOR,
                        Role.LEADER),
                PermissionGrant.of(REPORT, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(RECOMPUTE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
