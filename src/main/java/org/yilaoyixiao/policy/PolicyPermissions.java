package org.yilaoyixiao.policy;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Everyone at work may read the parameters; only the county administrator adds a value. */
@Component
public class PolicyPermissions implements PermissionCatalog {

    public static final String READ = "policy.parameters.read";
    public static final String MANAGE = "policy.parameters.manage";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.values()),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN));
    }
}
