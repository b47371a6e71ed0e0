package org.yilaoyixiao.workspace;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;

@Component
class WorkspaceNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                // "/" is each user's inbox; a butler calls it today's tasks, a leader lands on the dashboard
                NavigationEntry.of(NavigationArea.WORKBENCH, "nav.inbox", "/", null, 0)
                        .exceptFor(Role.BUTLER, Role.LEADER),
                NavigationEntry.of(NavigationArea.WORKBENCH, "nav.today", "/", null, 0).forRoles(Role.BUTLER),
                NavigationEntry.of(NavigationArea.WORKBENCH, "nav.overview", "/home", null, 1)
                        .exceptFor(Role.BUTLER));
    }
}
