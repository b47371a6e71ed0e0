package org.yilaoyixiao.divisions;

import java.util.List;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Permissions of the divisions module. Reading the tree needs only a login (and is limited to one's scope). */
@Component
public class DivisionPermissions implements PermissionCatalog {

    /** Import division lists and retire divisions. */
    public static final String MANAGE = "divisions.tree.manage";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN));
    }
}
