package org.yilaoyixiao.outreach.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.policy.PolicyParameters;

/**
 * The scan: for each programme, one statement over the published views finds the active people who meet its rules on
 * the day and are not enrolled (no regular line in the programme's latest approved subsidy run; no love card; not in
 * the month's visit target population), with the reasons and a rule trace of the facts used. Found people are
 * upserted as candidates (the status and outcome a clerk recorded stay); candidates no longer found are marked not
 * current. A scan of one person re-checks just them (after a status change, a move or a death).
 */
@Service
class OutreachScan {

    static final List<String> PROGRAMMES = List.of("ELDERLY_SERVICE_SUBSIDY", "LOVE_CARD", "CHILDCARE_ALLOWANCE",
            "VISITS");
    private static final String LOW_INCOME = "('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY')";

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<String> pilotDivisions;

    OutreachScan(JdbcClient jdbc, PolicyParameters parameters, AuditTrail audit, TransactionTemplate transactions,
                 Clock clock,
                 @Value("${yly.lovecard.pilot-divisions:331121001,331121106}") List<String> pilotDivisions) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.pilotDivisions = List.copyOf(pilotDivisions);
    }

    /** Scans everyone ({@code person} null) or one person; the number of current candidates found. */
    int scan(Long person, String actor) {
        LocalDate today = BusinessTime.today(clock);
        return transactions.execute(status -> {
            long scanId = jdbc.sql("insert into outreach.scan (started_at, scanned_on, started_by) values "
                            + "(:now, :today, :actor) returning id").param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("today", today).param("actor", actor).query(Long.class).single();
            int found = 0;
            for (String programme : PROGRAMMES) {
                found += upsert(programme, person, today);
            }
            jdbc.sql("update outreach.scan set finished_at = :now, found = :found where id = :id")
                    .param("now", java.sql.Timestamp.from(clock.instant())).param("found", found)
                    .param("id", scanId).update();
            if (person == null) {
                audit.record(AuditRecord.success("OUTREACH_SCANNED", "outreach-scan:" + scanId, "找到符合条件但尚未享受的人员 " + found + " 人次"));
            }
            return found;
        });
    }

    private int upsert(String programme, Long person, LocalDate today) {
        String found = switch (programme) {
            case "ELDERLY_SERVICE_SUBSIDY" -> elderlyServiceSubsidy();
            case "LOVE_CARD" -> loveCard();
            case "CHILDCARE_ALLOWANCE" -> childcareAllowance();
            default -> visits();
        };
        var statement = jdbc.sql("""
                with lv as (select person_id, level, assessed_on from assessment.published_current_level),
                found as (%s),
                upserted as (
                    insert into outreach.candidate (person_id, programme, division_code, township_code, reasons, trace,
                        current, first_found_at, last_found_at)
                    select person_id, :programme, division_code, township_code, reasons, trace, true, :now, :now
                    from found
                    on conflict (person_id, programme) do update set division_code = excluded.division_code,
                        township_code = excluded.township_code, reasons = excluded.reasons, trace = excluded.trace,
                        current = true, last_found_at = excluded.last_found_at
                    returning person_id),
                gone as (
                    update outreach.candidate c set current = false
                    where c.programme = :programme and c.current
                      and (cast(:person as bigint) is null or c.person_id = cast(:person as bigint))
                      and c.person_id not in (select person_id from upserted)
                    returning c.person_id)
                select (select count(*) from upserted)
                """.formatted(found))
                .param("programme", programme).param("person", person)
                .param("now", java.sql.Timestamp.from(clock.instant())).param("today", today)
                .param("born60", today.minusYears(60));
        for (Map.Entry<String, Object> p : parametersOf(programme, today).entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query(Integer.class).single();
    }

    private Map<String, Object> parametersOf(String programme, LocalDate today) {
        return switch (programme) {
            case "ELDERLY_SERVICE_SUBSIDY" -> Map.of("born90", today.minusYears(90), "born80", today.minusYears(80),
                    "threshold", parameters.valueAsOf("elderly-service-subsidy.disability-threshold-level", today)
                            .value().intValue());
            case "LOVE_CARD" -> {
                // the love card's own dated thresholds (decision 0038), as the card's eligibility reads them
                int minLevel = parameters.valueAsOf("love-card.min-capability-level", today).value().intValue();
                int minAge = parameters.valueAsOf("love-card.min-age", today).value().intValue();
                yield Map.of("pilots", pilotDivisions, "minLevel", minLevel, "minAge", minAge,
                        "bornByAge", today.minusYears(minAge));
            }
            case "CHILDCARE_ALLOWANCE" -> {
                int limit = parameters.valueAsOf("childcare-allowance.age-limit-months", today).value().intValue();
                yield Map.of("limit", limit, "bornAfter", today.minusMonths(limit));
            }
            default -> Map.of("month", YearMonth.from(today).atDay(1));
        };
    }

    /** 养老服务补贴: the rules of the monthly run (ADR 0012), against the latest approved run. */
    private static String elderlyServiceSubsidy() {
        return """
                select c.id as person_id, c.residence_division_code as division_code, c.township_code, c.reasons,
                       jsonb_build_object('programme', 'ELDERLY_SERVICE_SUBSIDY', 'asOf', cast(:today as date),
                           'rule', 'AGE_90 or (local hukou and low income and (AGE_80 or level >= threshold))',
                           'facts', jsonb_build_object('birthDate', c.birth_date,
                               'age', extract(year from age(cast(:today as date), c.birth_date))::int,
                               'localHukou', c.local_hukou, 'economicStatus', c.economic_status,
                               'capabilityLevel', c.level, 'disabilityThreshold', :threshold),
                           'enrolment', jsonb_build_object('source', 'subsidies.published_run_line',
                               'latestApprovedMonth', (select m from latest), 'receiving', false)) as trace
                from (select p.id, p.residence_division_code, p.township_code, p.birth_date, p.local_hukou,
                             p.economic_status, lv.level,
                             array_remove(array[
                                 case when p.birth_date <= :born90 then 'AGE_90' end,
                                 case when p.local_hukou and p.economic_status in %1$s and p.birth_date <= :born80
                                      then 'LOW_INCOME_AGE_80' end,
                                 case when p.local_hukou and p.economic_status in %1$s and lv.level >= :threshold
                                      then 'LOW_INCOME_DISABLED' end]::varchar[], null) as reasons
                      from registry.published_person p left join lv on lv.person_id = p.id
                      where p.status = 'ACTIVE' and p.birth_date <= :born60
                        and (cast(:person as bigint) is null or p.id = cast(:person as bigint))) c
                where cardinality(c.reasons) > 0
                  and not exists (select 1 from subsidies.published_run_line l
                                  where l.programme = 'ELDERLY_SERVICE_SUBSIDY' and l.run_status = 'APPROVED'
                                    and l.run_month = (select m from latest) and l.kind = 'REGULAR'
                                    and l.subject_type = 'PERSON' and l.subject_id = c.id)
                """.formatted(LOW_INCOME)
                .transform(sql -> "with latest as (select max(run_month) as m from subsidies.published_run_line "
                        + "where programme = 'ELDERLY_SERVICE_SUBSIDY' and run_status = 'APPROVED') " + sql);
    }

    /** 育儿补贴: every child under the age limit, against the latest approved run. */
    private static String childcareAllowance() {
        return """
                with latest as (select max(run_month) as m from subsidies.published_run_line
                                where programme = 'CHILDCARE_ALLOWANCE' and run_status = 'APPROVED')
                select p.id as person_id, p.residence_division_code as division_code, p.township_code,
                       array['UNDER_AGE_LIMIT']::varchar[] as reasons,
                       jsonb_build_object('programme', 'CHILDCARE_ALLOWANCE', 'asOf', cast(:today as date),
                           'rule', 'born on or before today and under the age limit',
                           'facts', jsonb_build_object('birthDate', p.birth_date, 'limitMonths', :limit),
                           'enrolment', jsonb_build_object('source', 'subsidies.published_run_line',
                               'latestApprovedMonth', (select m from latest), 'receiving', false)) as trace
                from registry.published_person p
                where p.status = 'ACTIVE' and p.birth_date <= :today and p.birth_date > :bornAfter
                  and (cast(:person as bigint) is null or p.id = cast(:person as bigint))
                  and not exists (select 1 from subsidies.published_run_line l
                                  where l.programme = 'CHILDCARE_ALLOWANCE' and l.run_status = 'APPROVED'
                                    and l.run_month = (select m from latest) and l.kind = 'REGULAR'
                                    and l.subject_type = 'PERSON' and l.subject_id = p.id)
                """;
    }

    /** 爱心卡: the card's rules (pilot areas; 失能/失智 by level or old age), against the cards issued. */
    private static String loveCard() {
        return """
                select p.id as person_id, p.residence_division_code as division_code, p.township_code,
                       array_remove(array['PILOT_AREA',
                           case when lv.level >= :minLevel then 'DISABLED_LEVEL' end,
                           case when p.birth_date <= :bornByAge then 'AGE_THRESHOLD' end]::varchar[], null) as reasons,
                       jsonb_build_object('programme', 'LOVE_CARD', 'asOf', cast(:today as date),
                           'rule', 'lives in a pilot area and (level >= minLevel or age >= minAge)',
                           'facts', jsonb_build_object('township', p.township_code, 'birthDate', p.birth_date,
                               'capabilityLevel', lv.level, 'minLevel', :minLevel, 'minAge', :minAge),
                           'enrolment', jsonb_build_object('source', 'lovecard.published_card', 'card', false)) as trace
                from registry.published_person p left join lv on lv.person_id = p.id
                where p.status = 'ACTIVE' and p.birth_date <= :born60
                  and (p.township_code in (:pilots) or p.residence_division_code in (:pilots))
                  and (lv.level >= :minLevel or p.birth_date <= :bornByAge)
                  and (cast(:person as bigint) is null or p.id = cast(:person as bigint))
                  and not exists (select 1 from lovecard.published_card c where c.person_id = p.id)
                """;
    }

    /**
     * 探访关爱: the visits rule (economic difficulty and a special situation or disability at the level in force for the
     * month in visits' dated parameters, ADR 0019), against the month's target population — only once that month has
     * been computed.
     */
    private static String visits() {
        return """
                select p.id as person_id, p.residence_division_code as division_code, p.township_code,
                       array_remove(array[p.economic_status,
                           case when 'EMPTY_NEST' = any(p.living_situation) then 'EMPTY_NEST' end,
                           case when 'LEFT_BEHIND' = any(p.living_situation) then 'LEFT_BEHIND' end,
                           case when 'LIVING_ALONE' = any(p.living_situation) then 'LIVING_ALONE' end,
                           case when 'SEVERE_DISABILITY' = any(p.living_situation) then 'SEVERE_DISABILITY' end,
                           case when 'FAMILY_PLANNING_SPECIAL' = any(p.living_situation)
                                then 'FAMILY_PLANNING_SPECIAL' end,
                           case when lv.level >= d.min_level then 'DISABLED' end]::varchar[], null) as reasons,
                       jsonb_build_object('programme', 'VISITS', 'asOf', cast(:today as date),
                           'rule', 'economic difficulty and (special situation or level >= disabilityMinLevel)',
                           'facts', jsonb_build_object('economicStatus', p.economic_status,
                               'livingSituation', p.living_situation, 'capabilityLevel', lv.level,
                               'disabilityMinLevel', d.min_level),
                           'enrolment', jsonb_build_object('source', 'visits.published_monthly_target',
                               'month', cast(:month as date), 'target', false)) as trace
                from registry.published_person p left join lv on lv.person_id = p.id
                cross join (select c.disability_min_level as min_level from visits.published_cadence_parameters c
                            where c.effective_from <= :month order by c.effective_from desc limit 1) d
                where exists (select 1 from visits.published_monthly_target t where t.month = :month)
                  and p.status = 'ACTIVE' and p.birth_date <= :born60
                  and p.economic_status in %s
                  and (p.living_situation && array['EMPTY_NEST', 'LEFT_BEHIND', 'LIVING_ALONE', 'SEVERE_DISABILITY',
                                                   'FAMILY_PLANNING_SPECIAL']::varchar[] or lv.level >= d.min_level)
                  and (cast(:person as bigint) is null or p.id = cast(:person as bigint))
                  and not exists (select 1 from visits.published_monthly_target t
                                  where t.month = :month and t.person_id = p.id)
                """.formatted(LOW_INCOME);
    }
}
