package org.yilaoyixiao.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

@Component
public class IdentityPermissions implements PermissionCatalog {

    /** Create, disable and unlock accounts within one's scope. */
    public static final String MANAGE_USERS = "identity.users.manage";
    /** See the accounts within one's scope. */
    public static final String READ_USERS = "identity.users.read";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(MANAGE_USERS, Role.COUNTY_ADMIN),
                PermissionGrant.of(READ_USERS, Role.COUNTY_ADMIN, Role.AUDITOR));
    }
}
