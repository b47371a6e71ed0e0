package org.yilaoyixiao.subsidies.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

@Configuration(proxyBeanMethods = false)
class SubsidyWeb {

    @Bean
    NavigationContributor subsidyNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.MONEY, "nav.subsidies", "/subsidies/runs", SubsidyPermissions.READ, 10),
                NavigationEntry.of(NavigationArea.MONEY, "nav.subsidies.quote", "/subsidies/quote",
                        SubsidyPermissions.QUOTE, 11).forRoles(Role.COUNTY_ADMIN, Role.BUREAU_STAFF,
                        Role.TOWNSHIP_STAFF),
                NavigationEntry.of(NavigationArea.MONEY, "nav.subsidies.grants", "/subsidies/grants",
                        SubsidyPermissions.READ, 12));
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
