package org.yilaoyixiao.exchange.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.exchange.ExchangePermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

/** Data exchange in the shell: feeds (with the review queue linked from there) and the province delivery log. */
@Configuration(proxyBeanMethods = false)
class ExchangeWeb {

    @Bean
    NavigationContributor exchangeNavigation() {
        return () -> List.of(
                NavigationEntry.of(NavigationArea.SYSTEM, "nav.exchange", "/exchange", ExchangePermissions.FEED, 30),
                NavigationEntry.of(NavigationArea.SYSTEM, "nav.exchange.review", "/exchange/review",
                        ExchangePermissions.REVIEW, 31),
                NavigationEntry.of(NavigationArea.SYSTEM, "nav.exchange.deliveries", "/exchange/deliveries",
                        ExchangePermissions.DELIVERIES, 32));
    }
}
