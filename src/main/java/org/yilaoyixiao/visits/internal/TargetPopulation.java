package org.yilaoyixiao.visits.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.registry.PersonCategory;

/**
 * The target population of a month: economically difficult elders (低边, 低保, 特困) who are also empty-nest,
 * left-behind, living alone, disabled (capability level at or above the parameter), severely handicapped or of a
 * family-planning special family; plus manual additions, minus manual removals. Computed in one pass of SQL over the
 * registry's and assessment's published views (decision 0010).
 */
@Repository
class TargetPopulation {

    static final List<String> ECONOMIC = List.of("LOW_INCOME_MARGINAL", "MINIMUM_LIVING", "EXTREME_POVERTY");

    private final JdbcClient jdbc;
    private final Clock clock;

    TargetPopulation(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Target(long personId, String divisionCode, List<String> reasons, String tier) {
    }

    record Change(long personId, String divisionCode, String change, List<String> reasons) {
    }

    record Recomputed(int targets, int added, int removed) {
    }

    boolean computed(YearMonth month) {
        return jdbc.sql("select exists (select 1 from visits.target where month = :m)")
                .param("m", month.atDay(1)).query(Boolean.class).single();
    }

    /** Replaces the month's population and its list of changes against the previous month. */
    Recomputed recompute(YearMonth month, CadenceParameters p) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Instant now = clock.instant();
        jdbc.sql("delete from visits.target where month = :m").param("m", first).update();
        int targets = jdbc.sql("""
                with lv as (
                    select distinct on (a.person_id) a.person_id, a.level
                    from assessment.published_assessment a
                    where a.assessed_on <= :last
                    order by a.person_id, a.assessed_on desc, a.id desc),
                ov as (
                    select person_id, kind from visits.target_override
                    where revoked_at is null and from_month <= :first),
                alerted as (
                    select distinct person_id from visits.raised_finding
                    where kind = 'URGENT_ALERT' and raised_at >= :previousStart and raised_at < :start),
                cand as (
                    select p.id as person_id, p.residence_division_code as division_code, p.township_code,
                           coalesce(l.level, 0) as level,
                           array_remove(array[
                               case when p.economic_status in ('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING',
                                   'EXTREME_POVERTY') then p.economic_status end,
                               case when 'EMPTY_NEST' = any(p.living_situation) then 'EMPTY_NEST' end,
                               case when 'LEFT_BEHIND' = any(p.living_situation) then 'LEFT_BEHIND' end,
                               case when 'LIVING_ALONE' = any(p.living_situation) then 'LIVING_ALONE' end,
                               case when l.level >= :disabled then 'DISABLED' end,
                               case when 'SEVERE_DISABILITY' = any(p.living_situation) then 'SEVERE_DISABILITY' end,
                               case when 'FAMILY_PLANNING_SPECIAL' = any(p.living_situation)
                                   then 'FAMILY_PLANNING_SPECIAL' end
                           ]::varchar[], null) as reasons,
                           (p.economic_status in ('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY')
                            and (p.living_situation && array['EMPTY_NEST', 'LEFT_BEHIND', 'LIVING_ALONE',
                                    'SEVERE_DISABILITY', 'FAMILY_PLANNING_SPECIAL']::varchar[]
                                 or coalesce(l.level, 0) >= :disabled)) as by_rule,
                           exists (select 1 from ov where ov.person_id = p.id and ov.kind = 'ADD') as added,
                           exists (select 1 from ov where ov.person_id = p.id and ov.kind = 'REMOVE') as removed,
                           exists (select 1 from ov where ov.person_id = p.id and ov.kind = 'HIGH_RISK') as flagged,
                           exists (select 1 from alerted al where al.person_id = p.id) as alerted,
                           exists (select 1 from visits.tier_raise r where r.person_id = p.id
                                   and r.from_date <= :last and r.until_date >= :first) as raised
                    from registry.published_person p
                    left join lv l on l.person_id = p.id
                    where p.status = 'ACTIVE' and p.birth_date <= :elderBorn)
                insert into visits.target (month, person_id, division_code, township_code, reasons, tier, computed_at)
                select :first, person_id, division_code, township_code,
                       case when added and not by_rule then array_append(reasons, 'MANUAL') else reasons end,
                       case when level >= :highRisk or flagged or alerted or raised then 'HIGH' else 'STANDARD' end,
                       :now
                from cand
                where (by_rule or added) and not removed
                """)
                .param("first", first).param("last", last)
                .param("elderBorn", PersonCategory.elderBornOnOrBefore(last))
                .param("disabled", p.disabilityMinLevel()).param("highRisk", p.highRiskMinLevel())
                .param("start", java.sql.Timestamp.from(Months.start(month)))
                .param("previousStart", java.sql.Timestamp.from(Months.start(month.minusMonths(1))))
                .param("now", java.sql.Timestamp.from(now))
                .update();
        LocalDate previous = month.minusMonths(1).atDay(1);
        jdbc.sql("delete from visits.target_change where month = :m").param("m", first).update();
        int added = jdbc.sql("""
                insert into visits.target_change (month, person_id, change, reasons, division_code)
                select t.month, t.person_id, 'ADDED', t.reasons, t.division_code from visits.target t
                where t.month = :m and not exists (select 1 from visits.target o
                                                   where o.month = :prev and o.person_id = t.person_id)
                """).param("m", first).param("prev", previous).update();
        int removed = jdbc.sql("""
                insert into visits.target_change (month, person_id, change, reasons, division_code)
                select :m, o.person_id, 'REMOVED', o.reasons, o.division_code from visits.target o
                where o.month = :prev and not exists (select 1 from visits.target t
                                                      where t.month = :m and t.person_id = o.person_id)
                """).param("m", first).param("prev", previous).update();
        return new Recomputed(targets, added, removed);
    }

    PageResponse<Target> targets(YearMonth month, Set<String> divisionCodes, PageRequest page) {
        long total = jdbc.sql("select count(*) from visits.target where month = :m and division_code in (:codes)")
                .param("m", month.atDay(1)).param("codes", divisionCodes)
                .query(Long.class).single();
        List<Target> items = jdbc.sql("""
                        select person_id, division_code, reasons, tier from visits.target
                        where month = :m and division_code in (:codes)
                        order by division_code, person_id limit :size offset :offset
                        """).param("m", month.atDay(1)).param("codes", divisionCodes)
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, i) -> new Target(rs.getLong(1), rs.getString(2), strings(rs.getArray(3)),
                        rs.getString(4))).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    java.util.Optional<Target> target(YearMonth month, long personId) {
        return jdbc.sql("select person_id, division_code, reasons, tier from visits.target "
                        + "where month = :m and person_id = :p").param("m", month.atDay(1)).param("p", personId)
                .query((rs, i) -> new Target(rs.getLong(1), rs.getString(2), strings(rs.getArray(3)),
                        rs.getString(4))).optional();
    }

    List<Change> changes(YearMonth month, Set<String> divisionCodes) {
        return jdbc.sql("""
                        select person_id, division_code, change, reasons from visits.target_change
                        where month = :m and division_code in (:codes) order by change, division_code, person_id
                        """).param("m", month.atDay(1)).param("codes", divisionCodes)
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                        strings(rs.getArray(4)))).list();
    }

    /** One page of the month's changes (added first), with the total. */
    PageResponse<Change> changes(YearMonth month, Set<String> divisionCodes, String change, PageRequest page) {
        long total = jdbc.sql("select count(*) from visits.target_change where month = :m and division_code in (:codes)"
                        + " and (cast(:change as varchar) is null or change = :change)")
                .param("m", month.atDay(1)).param("codes", divisionCodes).param("change", change)
                .query(Long.class).single();
        List<Change> items = jdbc.sql("""
                        select person_id, division_code, change, reasons from visits.target_change
                        where month = :m and division_code in (:codes)
                          and (cast(:change as varchar) is null or change = :change)
                        order by change, division_code, person_id limit :size offset :offset
                        """).param("m", month.atDay(1)).param("codes", divisionCodes).param("change", change)
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                        strings(rs.getArray(4)))).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many were added and removed in the month: change → count. */
    java.util.Map<String, Long> changeCounts(YearMonth month, Set<String> divisionCodes) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select change, count(*) from visits.target_change where month = :m and division_code in (:codes)"
                        + " group by change").param("m", month.atDay(1)).param("codes", divisionCodes)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** A target with the person's name and masked ID number, for a spreadsheet. */
    record Listed(Target target, String name, String idNumberMasked) {
    }

    /** Targets of a month for a spreadsheet, in the list's order, streamed to {@code row}. */
    void eachTarget(YearMonth month, Set<String> divisionCodes, java.util.function.Consumer<Listed> row) {
        jdbc.sql("""
                        select t.person_id, t.division_code, t.reasons, t.tier, p.name, p.id_number_masked
                        from visits.target t join registry.published_person p on p.id = t.person_id
                        where t.month = :m and t.division_code in (:codes) order by t.division_code, t.person_id
                        """).param("m", month.atDay(1)).param("codes", divisionCodes)
                .query(rs -> {
                    row.accept(new Listed(new Target(rs.getLong(1), rs.getString(2), strings(rs.getArray(3)),
                            rs.getString(4)), rs.getString(5), rs.getString(6)));
                });
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
