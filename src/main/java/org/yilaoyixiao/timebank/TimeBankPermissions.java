package org.yilaoyixiao.timebank;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Who may see volunteers, hours, talents and courses, and who may register, credit, move hours and run courses; always
 * within the user's data scope. Butlers organise village activities and operate accounts for elders without a phone.
 */
@Component
public class TimeBankPermissions implements PermissionCatalog {

    public static final String READ = "timebank.read";
    public static final String MANAGE = "timebank.manage";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.AUDITOR),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER));
    }
}
