package org.yilaoyixiao.policy.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.policy.PolicyPermissions;

@Configuration(proxyBeanMethods = false)
class PolicyWeb {

    @Bean
    NavigationContributor policyNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.MONEY, "nav.policy", "/policy/parameters",
                PolicyPermissions.READ, 30).forRoles(Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.AUDITOR));
    }
}
