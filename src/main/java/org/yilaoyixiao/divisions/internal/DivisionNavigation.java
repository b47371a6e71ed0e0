package org.yilaoyixiao.divisions.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;

@Component
class DivisionNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.divisions", "/divisions", null, 10));
    }
}
