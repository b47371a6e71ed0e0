package org.yilaoyixiao.guardian.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The guardian's navigation entries (the live alert board, the device list) and its tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class GuardianWeb {

    @Bean
    NavigationContributor guardianNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.GUARDIAN, "nav.guardian", "/guardian/alerts",
                        GuardianPermissions.READ, 10),
                NavigationEntry.of(NavigationArea.GUARDIAN, "nav.guardian-devices", "/guardian/devices",
                        GuardianPermissions.READ, 11).exceptFor(Role.BUTLER),
                NavigationEntry.of(NavigationArea.GUARDIAN, "nav.guardian-safe-zones", "/guardian/safe-zones",
                        GuardianPermissions.DEVICES, 12).exceptFor(Role.BUTLER),
                NavigationEntry.of(NavigationArea.GUARDIAN, "nav.guardian-gateways", "/guardian/gateways",
                        GuardianPermissions.GATEWAYS, 13));
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
