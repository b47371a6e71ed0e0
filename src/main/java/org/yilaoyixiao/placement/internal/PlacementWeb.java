package org.yilaoyixiao.placement.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;

/** Placement's entry in the shell's navigation and its tab on the person page (beds and the periods in them). */
@Configuration(proxyBeanMethods = false)
class PlacementWeb {

    @Bean
    NavigationContributor placementNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.FACILITIES, "nav.placement", "/placement",
                PlacementPermissions.READ, 20).exceptFor(Role.BUTLER));
    }

    @Bean
    PersonDetailTab placementTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "placement.tab";
            }

            @Override
            public int order() {
                return 35;
            }

            @Override
            public String path(long personId) {
                return "/placement/persons/" + personId + "/tab";
            }
        };
    }
}
