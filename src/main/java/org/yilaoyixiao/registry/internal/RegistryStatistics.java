package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionStatistic;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonCategory;

/** Elders and infants with active records, per division of residence, for the home page's tree. */
@Component
class RegistryStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    RegistryStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @org.springframework.context.annotation.Bean
    DivisionStatistic elderStatistic() {
        return statistic("home.statistic.elders", 10, "birth_date <= :cut", PersonCategory::elderBornOnOrBefore);
    }

    @org.springframework.context.annotation.Bean
    DivisionStatistic infantStatistic() {
        return statistic("home.statistic.infants", 20, "birth_date > :cut", PersonCategory::infantBornAfter);
    }

    private DivisionStatistic statistic(String labelKey, int order, String condition,
                                        java.util.function.UnaryOperator<LocalDate> cutOf) {
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
                jdbc.sql("select residence_division_code as code, count(*) as n from registry.person"
                                + " where status = 'ACTIVE' and residence_division_code = any(:codes) and " + condition
                                + " group by residence_division_code")
                        .param("codes", divisionCodes.toArray(String[]::new))
                        .param("cut", cutOf.apply(BusinessTime.today(clock)))
                        .query((rs, i) -> Map.entry(rs.getString("code"), rs.getLong("n"))).list()
                        .forEach(e -> counts.put(e.getKey(), e.getValue()));
                return counts;
            }
        };
    }
}
