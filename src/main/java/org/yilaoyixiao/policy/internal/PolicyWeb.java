package org.yilaoyixiao.policy.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.policy.PolicyPermissions;

@Configuration(proxyBeanMethods = false)
class PolicyWeb {

    @Bean
    NavigationContributor policyNavigation() {
        return () -> List.of(new NavigationEntry("nav.policy", "/policy/parameters", PolicyPermissions.READ, 60));
    }
}
