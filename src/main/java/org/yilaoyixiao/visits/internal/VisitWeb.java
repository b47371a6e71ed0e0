package org.yilaoyixiao.visits.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.visits.VisitPermissions;

/** The visits module in the shell: the visitor's page and the supervisor's view, and the "探访" tab on a person. */
@Configuration(proxyBeanMethods = false)
class VisitWeb {

    @Bean
    NavigationContributor visitNavigation() {
        return () -> List.of(
                // the visitor's own list: butlers, and township staff who visit themselves
                NavigationEntry.of(NavigationArea.SERVICES, "nav.visits", "/visits", VisitPermissions.RECORD, 20)
                        .forRoles(Role.BUTLER, Role.TOWNSHIP_STAFF),
                NavigationEntry.of(NavigationArea.SERVICES, "nav.visits.supervision", "/visits/supervision",
                        VisitPermissions.READ, 21).exceptFor(Role.BUTLER));
    }

    @Bean
    PersonDetailTab visitTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "visits.tab";
            }

            @Override
            public int order() {
                return 40;
            }

            @Override
            public String path(long personId) {
                return "/visits/persons/" + personId + "/tab";
            }
        };
    }
}
