package org.yilaoyixiao.identity.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.identity.IdentityPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

@Component
class IdentityNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                NavigationEntry.of(NavigationArea.SYSTEM, "nav.users", "/admin/users", IdentityPermissions.READ_USERS,
                        20),
                // developer pages are for the administrators who hand out API credentials
                NavigationEntry.of(NavigationArea.SYSTEM, "nav.api", "/swagger-ui.html",
                        IdentityPermissions.MANAGE_USERS, 90));
    }
}
