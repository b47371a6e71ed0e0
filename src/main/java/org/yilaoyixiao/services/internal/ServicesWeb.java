package org.yilaoyixiao.services.internal;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.services.ServicesPermissions;

/** The services module's place in the shell: intake, the butler's tasks, the supervisor's board. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseTargets.class)
class ServicesWeb {

    @Bean
    NavigationContributor servicesNavigation() {
        return () -> List.of(
                new NavigationEntry("nav.services.intake", "/services/intake", ServicesPermissions.ORDERS_MANAGE, 40),
                new NavigationEntry("nav.services.tasks", "/services/tasks", ServicesPermissions.ORDERS_WORK, 41),
                new NavigationEntry("nav.services.board", "/services/board", ServicesPermissions.ORDERS_READ, 42));
    }
}
