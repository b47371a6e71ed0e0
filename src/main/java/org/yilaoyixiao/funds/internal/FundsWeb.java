package org.yilaoyixiao.funds.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.funds.FundsPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

/** Fund supervision's navigation entries: the dashboard and the alerts. */
@Configuration(proxyBeanMethods = false)
class FundsWeb {

    @Bean
    NavigationContributor fundsNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.MONEY, "nav.funds", "/funds", FundsPermissions.READ, 20),
                NavigationEntry.of(NavigationArea.MONEY, "nav.funds.alerts", "/funds/alerts", FundsPermissions.READ,
                        21));
    }
}
