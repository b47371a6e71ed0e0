package org.yilaoyixiao.registry.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;
import org.yilaoyixiao.registry.RegistryPermissions;

/** The registry's place in the shell: its navigation entry and its own detail tabs. */
@Configuration(proxyBeanMethods = false)
class RegistryWeb {

    @Bean
    NavigationContributor registryNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.PEOPLE, "nav.persons", "/persons", RegistryPermissions.READ, 10)
                        .exceptFor(Role.BUTLER),
                NavigationEntry.of(NavigationArea.PEOPLE, "nav.persons.import", "/persons/import",
                        RegistryPermissions.IMPORT, 11),
                NavigationEntry.of(NavigationArea.PEOPLE, "nav.persons.duplicates", "/persons/duplicates",
                        RegistryPermissions.WRITE, 12));
    }

    @Bean
    PersonDetailTab basicDataTab() {
        return tab("person.tab.basic", 0, "/persons/%d/basic");
    }

    @Bean
    PersonDetailTab relationsTab() {
        return tab("person.tab.relations", 10, "/persons/%d/relations");
    }

    @Bean
    PersonDetailTab timelineTab() {
        return tab("person.tab.timeline", 90, "/persons/%d/timeline");
    }

    private static PersonDetailTab tab(String labelKey, int order, String pathPattern) {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String path(long personId) {
                return pathPattern.formatted(personId);
            }
        };
    }
}
