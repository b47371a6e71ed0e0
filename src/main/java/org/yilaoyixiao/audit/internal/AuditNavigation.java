package org.yilaoyixiao.audit.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

@Component
class AuditNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(NavigationArea.SYSTEM, "nav.audit", "/audit", AuditPermissions.READ, 40));
    }
}
