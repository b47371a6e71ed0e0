package org.yilaoyixiao.facilities.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.divisions.DivisionStatistic;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;

/** The facilities' place in the shell: the navigation entry and the home tree's bed and slot counts. */
@Configuration(proxyBeanMethods = false)
class FacilitiesWeb {

    @Bean
    NavigationContributor facilitiesNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.FACILITIES, "nav.facilities",
                "/facilities/institutions", FacilitiesPermissions.READ, 10).exceptFor(Role.BUTLER));
    }

    @Bean
    DivisionStatistic institutionBedStatistic(JdbcClient jdbc) {
        return statistic(jdbc, "home.statistic.institution-beds", 30, """
                select i.division_code as code, sum(b.approved) as n from facilities.institution i
                join facilities.institution_bed b on b.institution_id = i.id
                where i.division_code = any(:codes) group by i.division_code
                """);
    }

    @Bean
    DivisionStatistic childcareSlotStatistic(JdbcClient jdbc) {
        return statistic(jdbc, "home.statistic.childcare-slots", 40, """
                select division_code as code, sum(approved_slots) as n from facilities.childcare_provider
                where division_code = any(:codes) group by division_code
                """);
    }

    private static DivisionStatistic statistic(JdbcClient jdbc, String labelKey, int order, String sql) {
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
                jdbc.sql(sql).param("codes", divisionCodes.toArray(String[]::new))
                        .query((rs, i) -> counts.put(rs.getString("code"), rs.getLong("n"))).list();
                return counts;
            }
        };
    }
}
