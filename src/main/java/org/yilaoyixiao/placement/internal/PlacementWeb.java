package org.yilaoyixiao.placement.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;

/** Placement's entry in the shell's navigation. */
@Configuration(proxyBeanMethods = false)
class PlacementWeb {

    @Bean
    NavigationContributor placementNavigation() {
        return () -> List.of(new NavigationEntry("nav.placement", "/placement", PlacementPermissions.READ, 35));
    }
}
