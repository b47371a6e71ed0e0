package org.yilaoyixiao.timebank.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.timebank.TimeBankPermissions;

/**
 * The time bank's navigation entries (the activities and the talent database are reached from the volunteers page,
 * to keep the bar short) and its tab on a person's page.
 */
@Configuration(proxyBeanMethods = false)
class TimeBankWeb {

    @Bean
    NavigationContributor timeBankNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.SERVICES, "nav.timebank.volunteers", "/timebank/volunteers",
                        TimeBankPermissions.READ, 40).exceptFor(Role.BUTLER),
                NavigationEntry.of(NavigationArea.SERVICES, "nav.timebank.courses", "/timebank/courses",
                        TimeBankPermissions.READ, 41).exceptFor(Role.BUTLER));
    }

    @Bean
    PersonDetailTab timeBankTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "timebank.tab";
            }

            @Override
            public int order() {
                return 55;
            }

            @Override
            public String path(long personId) {
                return "/timebank/persons/" + personId + "/tab";
            }
        };
    }
}
