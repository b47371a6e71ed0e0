package org.yilaoyixiao.guardian.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The guardian's navigation entry (the live alert board) and its tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class GuardianWeb {

    @Bean
    NavigationContributor guardianNavigation() {
        return () -> List.of(new NavigationEntry("nav.guardian", "/guardian/alerts", GuardianPermissions.READ, 70));
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
