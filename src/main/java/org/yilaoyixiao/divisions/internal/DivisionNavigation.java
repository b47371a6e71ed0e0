package org.yilaoyixiao.divisions.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;

@Component
class DivisionNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        // reference data every user may read, but only administrators and auditors look after it
        return List.of(NavigationEntry.of(NavigationArea.SYSTEM, "nav.divisions", "/divisions", null, 10)
                .forRoles(Role.COUNTY_ADMIN, Role.AUDITOR));
    }
}
