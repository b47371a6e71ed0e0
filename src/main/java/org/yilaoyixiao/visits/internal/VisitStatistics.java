package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.divisions.DivisionStatistic;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * This month's target elders and visited target elders on the home page's division tree. The tree sums the counts
 * up, so each level shows the numerator and denominator of its own rate (never an average of rates).
 */
@Configuration(proxyBeanMethods = false)
class VisitStatistics {

    @Bean
    DivisionStatistic visitTargetStatistic(JdbcClient jdbc, Clock clock) {
        return statistic(jdbc, clock, "home.statistic.visit-targets", 50, "true");
    }

    @Bean
    DivisionStatistic visitedStatistic(JdbcClient jdbc, Clock clock) {
        return statistic(jdbc, clock, "home.statistic.visited", 51, "visited");
    }

    private static DivisionStatistic statistic(JdbcClient jdbc, Clock clock, String labelKey, int order,
                                               String condition) {
        return new DivisionStatistic() {
            @Override
            public String labelKey() {
                return labelKey;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Map<String, Long> countByDivision(Set<String> divisionCodes) {
                Map<String, Long> counts = new HashMap<>();
                jdbc.sql("select division_code as code, count(*) as n from visits.published_monthly_target "
                                + "where month = :m and division_code = any(:codes) and " + condition
                                + " group by division_code")
                        .param("m", YearMonth.from(BusinessTime.today(clock)).atDay(1))
                        .param("codes", divisionCodes.toArray(String[]::new))
                        .query((rs, i) -> counts.put(rs.getString("code"), rs.getLong("n"))).list();
                return counts;
            }
        };
    }
}
