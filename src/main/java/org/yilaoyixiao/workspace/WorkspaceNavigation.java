package org.yilaoyixiao.workspace;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;

@Component
class WorkspaceNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.home", "/", null, 0));
    }
}
