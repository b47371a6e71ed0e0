package org.yilaoyixiao.exchange.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;

/**
 * Indicators I02 (65岁及以上老年人规范健康管理服务率), I04 (0-3岁婴幼儿健康管理率) and I13 (新生儿访视率) computed from
 * the health feed instead of reported by the health bureau — only when the county turns it on
 * ({@code yly.exchange.health-indicators=computed}), because the figures are only right once the feed carries the
 * whole population's records; until then the bureau's reported figures stand (decision 0032). Each counts the
 * registry's people per residence division (denominator) and those of them with a health record of the kind that
 * reached them (applied, nothing to change, or resolved from the review queue) in the year up to the observation date
 * (numerator).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yly.exchange.health-indicators", havingValue = "computed")
class HealthFeedIndicators {

    @Bean
    IndicatorSource elderHealthManagement(JdbcClient jdbc) {
        return forCode(jdbc, "I02");
    }

    @Bean
    IndicatorSource infantHealthManagement(JdbcClient jdbc) {
        return forCode(jdbc, "I04");
    }

    @Bean
    IndicatorSource newbornVisits(JdbcClient jdbc) {
        return forCode(jdbc, "I13");
    }

    static IndicatorSource forCode(JdbcClient jdbc, String code) {
        return switch (code) {
            case "I02" -> source(jdbc, code, "CHRONIC_ENROLMENT",
                    "p.status = 'ACTIVE' and p.birth_date <= cast(:as_of as date) - interval '65 years'");
            case "I04" -> source(jdbc, code, "INFANT_HEALTH_CHECK",
                    "p.status = 'ACTIVE' and p.birth_date > cast(:as_of as date) - interval '3 years'"
                            + " and p.birth_date <= :as_of");
            // newborns of the year old enough for their visit (within 28 days of birth), also those who died since
            case "I13" -> source(jdbc, code, "NEWBORN_VISIT",
                    "p.birth_date >= :year_start and p.birth_date <= cast(:as_of as date) - 28");
            default -> throw new IllegalArgumentException("no health-feed indicator " + code);
        };
    }

    private static IndicatorSource source(JdbcClient jdbc, String code, String recordType, String population) {
        return new IndicatorSource() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
                Map<String, IndicatorCount> counts = new HashMap<>();
                // the people with a record: one hash join, not a probe per person of the population
                jdbc.sql("""
                        select p.residence_division_code, count(h.person_id), count(*)
                        from registry.published_person p
                        left join (select distinct r.person_id from exchange.feed_record r
                                   where r.feed = 'health' and r.type = :type
                                     and r.status in ('APPLIED', 'NO_CHANGE', 'RESOLVED')
                                     and r.effective_date between :year_start and :as_of) h on h.person_id = p.id
                        where %s
                        group by p.residence_division_code
                        """.formatted(population))
                        .param("type", recordType).param("year_start", LocalDate.of(period.year(), 1, 1))
                        .param("as_of", period.asOf())
                        .query((rs, i) -> counts.put(rs.getString(1), new IndicatorCount(rs.getLong(2),
                                rs.getLong(3)))).list();
                return counts;
            }
        };
    }
}
