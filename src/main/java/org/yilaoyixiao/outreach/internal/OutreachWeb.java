package org.yilaoyixiao.outreach.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.divisions.DivisionStatistic;
import org.yilaoyixiao.outreach.OutreachPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

/**
 * The worklist in the navigation, and the "eligible but not enrolled" count of each programme as a statistic of the
 * home page's division tree (rolled up per township and shown in its chart).
 */
@Configuration(proxyBeanMethods = false)
class OutreachWeb {

    @Bean
    NavigationContributor outreachNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.PEOPLE, "nav.outreach", "/outreach", OutreachPermissions.READ, 40));
    }

    @Bean
    DivisionStatistic outreachServiceSubsidy(Candidates candidates) {
        return statistic(candidates, "ELDERLY_SERVICE_SUBSIDY", 60);
    }

    @Bean
    DivisionStatistic outreachLoveCard(Candidates candidates) {
        return statistic(candidates, "LOVE_CARD", 61);
    }

    @Bean
    DivisionStatistic outreachChildcareAllowance(Candidates candidates) {
        return statistic(candidates, "CHILDCARE_ALLOWANCE", 62);
    }

    @Bean
    DivisionStatistic outreachVisits(Candidates candidates) {
        return statistic(candidates, "VISITS", 63);
    }

    private static DivisionStatistic statistic(Candidates candidates, String programme, int order) {
        return new DivisionStatistic() {
            @Override
            public String labelKey() {
                return "outreach.statistic." + programme;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Map<String, Long> countByDivision(Set<String> divisionCodes) {
                return divisionCodes.isEmpty() ? Map.of() : candidates.openByDivision(programme, divisionCodes);
            }
        };
    }
}
