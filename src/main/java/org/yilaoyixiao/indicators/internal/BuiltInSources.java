package org.yilaoyixiao.indicators.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.indicators.IndicatorCount;
import org.yilaoyixiao.indicators.IndicatorPeriod;
import org.yilaoyixiao.indicators.IndicatorSource;

/**
 * The indicators this module computes itself from the published views of registry, facilities, placement and
 * assessment. A facility counts from its date (opened, filed) when it has one and always when it has none: the
 * facilities module keeps no history of approvals, so beds and slots are today's approved numbers. Staff certificates
 * count when valid on the period's date. I07, I17 and I18 are not here: the visits, education and volunteers modules
 * will publish their own {@link IndicatorSource}.
 */
@Configuration(proxyBeanMethods = false)
class BuiltInSources {

    /** I03: 特困, 60+, alive, unable to care for themselves (level ≥ the configured one as of the date). */
    @Bean
    IndicatorSource destituteInInstitutions(JdbcClient jdbc,
                                            @Value("${yly.indicators.unable-to-self-care-level:2}") int level) {
        return new SqlIndicatorSource("I03", """
                select p.residence_division_code as division_code,
                       count(*) filter (where exists (
                           select 1 from placement.published_placement pl
                           where pl.person_id = p.id and pl.kind = 'INSTITUTION' and pl.from_date <= :asOf
                             and (pl.to_date is null or pl.to_date > :asOf))) as numerator,
                       count(*) as denominator
                from registry.published_person p
                join lateral (select a.level from assessment.published_assessment a
                              where a.person_id = p.id and a.assessed_on <= :asOf
                              order by a.assessed_on desc, a.id desc limit 1) l on true
                where p.economic_status = 'EXTREME_POVERTY'
                  and p.birth_date <= (cast(:asOf as date) - interval '60 years')
                  and (p.death_date is null or p.death_date > :asOf)
                  and p.status <> 'MOVED_OUT' and p.status <> 'ARCHIVED'
                  and l.level >= %d
                group by p.residence_division_code
                """.formatted(level), jdbc);
    }

    /** I05: filed standalone childcare institutions (kindergarten classes and community points excluded). */
    @Bean
    IndicatorSource filedChildcareInstitutions(JdbcClient jdbc) {
        return new SqlIndicatorSource("I05", """
                select division_code, count(*) as numerator, 0 as denominator
                from facilities.published_childcare_provider
                where kind = 'STANDALONE' and filed and filed_on <= :asOf
                group by division_code
                """, jdbc);
    }

    /** I06: approved slots of every provider; divided by the resident population from the statistics inputs. */
    @Bean
    IndicatorSource childcareSlots(JdbcClient jdbc) {
        return new SqlIndicatorSource("I06", """
                select division_code, sum(approved_slots) as numerator, 0 as denominator
                from facilities.published_childcare_provider
                where filed_on is null or filed_on <= :asOf
                group by division_code
                """, jdbc);
    }

    /** I08: nursing beds over all approved beds of institutions open on the date. */
    @Bean
    IndicatorSource nursingBedShare(JdbcClient jdbc) {
        return new SqlIndicatorSource("I08", """
                select division_code, sum(nursing_beds) as numerator, sum(nursing_beds + assisted_beds) as denominator
                from facilities.published_institution
                where opened_on is null or opened_on <= :asOf
                group by division_code
                """, jdbc);
    }

    /** I10: childcare workers on the staff lists. */
    @Bean
    IndicatorSource childcareProfessionals(JdbcClient jdbc) {
        return new SqlIndicatorSource("I10", """
                select division_code, count(*) as numerator, 0 as denominator
                from facilities.published_staff
                where role = 'CHILDCARE_WORKER'
                group by division_code
                """, jdbc);
    }

    /** I11: childcare workers with a certificate valid on the date, over all childcare workers. */
    @Bean
    IndicatorSource certifiedChildcareStaff(JdbcClient jdbc) {
        return new SqlIndicatorSource("I11", """
                select s.division_code,
                       count(*) filter (where exists (select 1 from facilities.published_staff_certificate c
                                                      where c.staff_id = s.id and c.valid_until >= :asOf)) as numerator,
                       count(*) as denominator
                from facilities.published_staff s
                where s.role = 'CHILDCARE_WORKER'
                group by s.division_code
                """, jdbc);
    }

    /** I12: elderly carers with a certificate valid on the date; divided by the population 60+ (× 10,000). */
    @Bean
    IndicatorSource certifiedElderlyCarers(JdbcClient jdbc) {
        return new SqlIndicatorSource("I12", """
                select s.division_code, count(*) as numerator, 0 as denominator
                from facilities.published_staff s
                where s.role = 'ELDERLY_CARER'
                  and exists (select 1 from facilities.published_staff_certificate c
                              where c.staff_id = s.id and c.valid_until >= :asOf)
                group by s.division_code
                """, jdbc);
    }

    /** I15: institutions marked as smart care homes. */
    @Bean
    IndicatorSource smartCareHomes(JdbcClient jdbc) {
        return new SqlIndicatorSource("I15", """
                select division_code, count(*) as numerator, 0 as denominator
                from facilities.published_institution
                where smart_care_home and (opened_on is null or opened_on <= :asOf)
                group by division_code
                """, jdbc);
    }

    /** S02: cognitive-impairment beds; divided by the population 60+ (× 10,000). */
    @Bean
    IndicatorSource cognitiveBeds(JdbcClient jdbc) {
        return new SqlIndicatorSource("S02", """
                select division_code, sum(cognitive_beds) as numerator, 0 as denominator
                from facilities.published_institution
                where opened_on is null or opened_on <= :asOf
                group by division_code
                """, jdbc);
    }

    /**
     * S01: townships with at least one childcare provider of any kind (kindergarten classes included, as the plan's
     * 15 of 32 do), over all current townships. Each township counts 1 in the denominator and 0 or 1 above it.
     */
    @Bean
    IndicatorSource townshipChildcareCoverage(JdbcClient jdbc, DivisionDirectory divisions,
                                              @Value("${yly.county-code}") String countyCode) {
        return new IndicatorSource() {
            @Override
            public String code() {
                return "S01";
            }

            @Override
            public Map<String, IndicatorCount> countByDivision(IndicatorPeriod period) {
                Map<String, Long> providers = new HashMap<>();
                jdbc.sql("""
                                select division_code, count(*) as providers from facilities.published_childcare_provider
                                where filed_on is null or filed_on <= :asOf group by division_code
                                """).param("asOf", period.asOf())
                        .query((rs, n) -> providers.put(rs.getString(1), rs.getLong(2))).list();
                Map<String, IndicatorCount> counts = new HashMap<>();
                for (Division township : divisions.children(countyCode)) {
                    if (township.level() != DivisionLevel.TOWNSHIP) {
                        continue;
                    }
                    boolean covered = providers.entrySet().stream()
                            .anyMatch(e -> e.getKey().startsWith(township.code()) && e.getValue() > 0);
                    counts.put(township.code(), new IndicatorCount(covered ? 1 : 0, 1));
                }
                return counts;
            }
        };
    }
}
