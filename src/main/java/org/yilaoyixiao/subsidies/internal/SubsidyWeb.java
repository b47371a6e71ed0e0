package org.yilaoyixiao.subsidies.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

@Configuration(proxyBeanMethods = false)
class SubsidyWeb {

    @Bean
    NavigationContributor subsidyNavigation() {
        return () -> List.of(
                new NavigationEntry("nav.subsidies", "/subsidies/runs", SubsidyPermissions.READ, 50),
                new NavigationEntry("nav.subsidies.quote", "/subsidies/quote", SubsidyPermissions.QUOTE, 51),
                new NavigationEntry("nav.subsidies.grants", "/subsidies/grants", SubsidyPermissions.READ, 52));
    }

    @Bean
    PersonDetailTab subsidyTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "subsidies.tab";
            }

            @Override
            public int order() {
                return 45;
            }

            @Override
            public String path(long personId) {
                return "/subsidies/persons/" + personId + "/tab";
            }
        };
    }
}
