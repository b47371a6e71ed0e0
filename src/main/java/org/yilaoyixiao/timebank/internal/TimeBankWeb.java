package org.yilaoyixiao.timebank.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
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
                new NavigationEntry("nav.timebank.volunteers", "/timebank/volunteers", TimeBankPermissions.READ, 62),
                new NavigationEntry("nav.timebank.courses", "/timebank/courses", TimeBankPermissions.READ, 65));
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
