package org.yilaoyixiao.guardian.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The guardian's navigation entries (the live alert board, the device list) and its tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class GuardianWeb {

    @Bean
    NavigationContributor guardianNavigation() {
        return () -> List.of(new NavigationEntry("nav.guardian", "/guardian/alerts", GuardianPermissions.READ, 70),
                new NavigationEntry("nav.guardian-devices", "/guardian/devices", GuardianPermissions.READ, 71));
    }

    @Bean
    PersonDetailTab guardianTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "guardian.tab";
            }

            @Override
            public int order() {
                return 60;
            }

            @Override
            public String path(long personId) {
                return "/guardian/persons/" + personId + "/tab";
            }
        };
    }
}
