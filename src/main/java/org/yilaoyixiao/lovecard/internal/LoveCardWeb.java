package org.yilaoyixiao.lovecard.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.lovecard.LoveCardPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The love card's navigation entry and its tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class LoveCardWeb {

    @Bean
    NavigationContributor loveCardNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.SERVICES, "nav.lovecard", "/love-cards",
                LoveCardPermissions.READ, 30).exceptFor(Role.BUTLER));
    }

    @Bean
    PersonDetailTab loveCardTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "lovecard.tab";
            }

            @Override
            public int order() {
                return 50;
            }

            @Override
            public String path(long personId) {
                return "/love-cards/persons/" + personId + "/tab";
            }
        };
    }
}
