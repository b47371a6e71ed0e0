package org.yilaoyixiao.timebank.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Indicators I17 and I18 (plan-facts §3; baselines 28 % and 14 %, 2025 targets 30 % and 19 %). Both count people by
 * their residence, over the same denominator: active people aged 60 or more on the period's date (registry's
 * published view). The indicators module sums numerators and denominators up the division tree.
 * <ul>
 * <li>I17 经常性参与教育活动的老年人口比例: elders who, in a course whose term overlaps the year and has begun, attended
 * at least the regular-participation share (a setting, default one half, rounded up) of the sessions held — all the
 * sessions of a finished term, the sessions recorded so far of a running one.</li>
 * <li>I18 老年志愿者注册人数占老年人口比例: elders registered as volunteers by the period's date and not withdrawn.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngagementIndicators {

    @Bean
    IndicatorSource regularEducationIndicator(JdbcClient jdbc, TimeBankSettings settings) {
        return new IndicatorSource() {
            @Override
            public String code() {
                return "I17";
            }

            @Override
            public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
                return counts(jdbc, """
                        with held as (
                            select c.id,
                                   case when c.term_end <= :asOf then c.sessions
                                        else least(c.sessions, coalesce((select max(a.session_no)
                                             from timebank.attendance a where a.course_id = c.id), 0)) end as held
                            from timebank.course c
                            where c.term_start <= :asOf and c.term_end >= :yearStart
                        ), regular as (
                            select distinct x.person_id from (
                                select a.person_id from held h join timebank.attendance a on a.course_id = h.id
                                where h.held > 0 and a.session_no <= h.held
                                group by h.id, h.held, a.person_id
                                having count(*) >= greatest(1, ceil(:share * h.held))) x
                        )
                        select p.residence_division_code, count(r.person_id), count(*)
                        from registry.published_person p left join regular r on r.person_id = p.id
                        where p.status = 'ACTIVE' and p.birth_date <= :bornBy
                        group by p.residence_division_code
                        """, period, settings, Map.of("share", settings.regularParticipationShare(),
                        "yearStart", LocalDate.of(period.year(), 1, 1)));
            }
        };
    }

    @Bean
    IndicatorSource elderVolunteerIndicator(JdbcClient jdbc, TimeBankSettings settings) {
        return new IndicatorSource() {
            @Override
            public String code() {
                return "I18";
            }

            @Override
            public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
                return counts(jdbc, """
                        select p.residence_division_code,
                               count(v.person_id) filter (where v.registered_at < :end
                                   and (v.withdrawn_at is null or v.withdrawn_at >= :end)),
                               count(*)
                        from registry.published_person p left join timebank.volunteer v on v.person_id = p.id
                        where p.status = 'ACTIVE' and p.birth_date <= :bornBy
                        group by p.residence_division_code
                        """, period, settings, Map.of("end", java.sql.Timestamp.from(period.asOf().plusDays(1)
                        .atStartOfDay(BusinessTime.ZONE).toInstant())));
            }
        };
    }

    private static Map<String, IndicatorCount> counts(JdbcClient jdbc, String sql, IndicatorPeriod period,
                                                      TimeBankSettings settings, Map<String, Object> params) {
        Map<String, IndicatorCount> counts = new HashMap<>();
        var statement = jdbc.sql(sql).param("asOf", period.asOf())
                .param("bornBy", period.asOf().minusYears(settings.elderAge()));
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        statement.query((rs, i) -> counts.put(rs.getString(1), new IndicatorCount(rs.getLong(2), rs.getLong(3))))
                .list();
        return counts;
    }
}
