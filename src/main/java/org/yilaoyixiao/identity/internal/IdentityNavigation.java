package org.yilaoyixiao.identity.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.identity.IdentityPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;

@Component
class IdentityNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.users", "/admin/users", IdentityPermissions.READ_USERS, 900));
    }
}
