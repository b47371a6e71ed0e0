package org.yilaoyixiao.services.internal;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.services.ServicesPermissions;

/** The services module's place in the shell: intake, the butler's tasks, the supervisor's board. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseTargets.class)
class ServicesWeb {

    @Bean
    NavigationContributor servicesNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.SERVICES, "nav.services.intake", "/services/intake",
                        ServicesPermissions.ORDERS_MANAGE, 10).exceptFor(Role.BUTLER),
                NavigationEntry.of(NavigationArea.SERVICES, "nav.services.board", "/services/board",
                        ServicesPermissions.ORDERS_READ, 11).exceptFor(Role.BUTLER),
                // the people who run the teams: county and township clerks (not butlers, operators or auditors)
                NavigationEntry.of(NavigationArea.SERVICES, "nav.services.teams", "/services/teams",
                        ServicesPermissions.BUTLERS_MANAGE, 13),
                NavigationEntry.of(NavigationArea.SERVICES, "nav.services.menu", "/services/menu",
                        ServicesPermissions.MENU_MANAGE, 14),
                // the people who carry out orders: butlers, and institutions' staff for orders given to them
                NavigationEntry.of(NavigationArea.SERVICES, "nav.services.tasks", "/services/tasks",
                        ServicesPermissions.ORDERS_WORK, 12).forRoles(Role.BUTLER, Role.INSTITUTION_OPERATOR));
    }
}
