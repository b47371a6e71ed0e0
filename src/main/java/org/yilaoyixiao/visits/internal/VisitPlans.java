package org.yilaoyixiao.visits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.visits.VisitRate;
import org.yilaoyixiao.visits.VisitRates;

/**
 * The month's plan: recomputing the target population, generating tasks (idempotently), assigning villages and
 * tasks to visitors, manual overrides, the overdue list, the visit rate and the supervisor's view of who lags.
 */
@Service
class VisitPlans implements VisitRates {

    private final TargetPopulation population;
    private final TaskRepository tasks;
    private final OverrideRepository overrides;
    private final CadencePolicy policy;
    private final Scope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Visitors visitors;
    private final Clock clock;

    VisitPlans(TargetPopulation population, TaskRepository tasks, OverrideRepository overrides, CadencePolicy policy,
               Scope scope, AuditTrail audit, TransactionTemplate transactions, JdbcClient jdbc, Visitors visitors,
               Clock clock) {
        this.population = population;
        this.tasks = tasks;
        this.overrides = overrides;
        this.policy = policy;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.visitors = visitors;
        this.clock = clock;
    }

    record Generated(YearMonth month, int targets, int added, int removed, int tasksCreated, int tasksCancelled) {
    }

    /** Recomputes the month's population and plans its tasks. Running it again changes nothing unless data did. */
    Generated generate(YearMonth month, String actor) {
        return transactions.execute(status -> {
            // one generation at a time: two would delete and insert the same month's rows concurrently
            jdbc.sql("select pg_advisory_xact_lock(8101)").query((rs, i) -> 1).list();
            CadenceParameters p = policy.on(month.atDay(1));
            TargetPopulation.Recomputed r = population.recompute(month, p);
            int[] planned = tasks.plan(month, p.highRiskIntervalDays(), clock.instant());
            Generated g = new Generated(month, r.targets(), r.added(), r.removed(), planned[0], planned[1]);
            audit.record(AuditRecord.success("VISIT_PLAN_GENERATED", "visit-month:" + month, g.toString())
                    .by(actor));
            return g;
        });
    }

    boolean generated(YearMonth month) {
        return population.computed(month);
    }

    YearMonth currentMonth() {
        return YearMonth.from(BusinessTime.today(clock));
    }

    long addOverride(long personId, String kind, String reason, String fromMonth, CurrentUser actor) {
        List<org.yilaoyixiao.platform.api.ApiException.FieldProblem> problems = new ArrayList<>();
        if (kind == null || !List.of("ADD", "REMOVE", "HIGH_RISK").contains(kind)) {
            problems.add(new ApiException.FieldProblem("kind", "INVALID", "visits.override.kind.invalid", null));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new ApiException.FieldProblem("reason", "REQUIRED", "visits.override.reason.required",
                    null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        YearMonth from = fromMonth == null || fromMonth.isBlank() ? currentMonth()
                : Months.parse(fromMonth, "fromMonth");
        PersonSummary person = scope.person(personId, actor);
        long id = transactions.execute(status -> {
            long created = overrides.insert(person.id(), kind, reason.strip(), from.atDay(1), actor.username(),
                    clock.instant());
            audit.record(AuditRecord.success("VISIT_TARGET_OVERRIDDEN", "person:" + person.id(),
                    "override=" + created + " kind=" + kind + " from=" + from + " reason=" + reason.strip()));
            return created;
        });
        regenerateIfPlanned(from, actor);
        return id;
    }

    void revokeOverride(long id, String reason, CurrentUser actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "REQUIRED", "visits.override.reason.required");
        }
        OverrideRepository.Override o = overrides.find(id)
                .orElseThrow(() -> ApiException.notFound("visits.override.not-found", Long.toString(id)));
        scope.person(o.personId(), actor);
        transactions.executeWithoutResult(status -> {
            if (!overrides.revoke(id, reason.strip(), actor.username(), clock.instant())) {
                throw ApiException.conflict("visits.override.already-revoked", Long.toString(id));
            }
            audit.record(AuditRecord.success("VISIT_TARGET_OVERRIDE_REVOKED", "person:" + o.personId(),
                    "override=" + id + " reason=" + reason.strip()));
        });
        YearMonth current = currentMonth();
        regenerateIfPlanned(YearMonth.from(o.fromMonth()).isAfter(current) ? YearMonth.from(o.fromMonth()) : current,
                actor);
    }

    /** An override takes effect at once for a month already planned (this month or later), not for past months. */
    private void regenerateIfPlanned(YearMonth from, CurrentUser actor) {
        YearMonth month = from.isBefore(currentMonth()) ? currentMonth() : from;
        if (population.computed(month)) {
            generate(month, actor.username());
        }
    }

    List<OverrideRepository.Override> overridesOf(long personId, CurrentUser actor) {
        return overrides.ofPerson(scope.person(personId, actor).id());
    }

    void assignVillage(String villageCode, String visitor, CurrentUser actor) {
        String code = scope.division(villageCode, actor);
        visitors.check(visitor, code);
        transactions.executeWithoutResult(status -> {
            tasks.assignVillage(code, visitor.strip(), actor.username(), clock.instant(), true);
            audit.record(AuditRecord.success("VISIT_VILLAGE_ASSIGNED", "division:" + code, "visitor=" + visitor));
        });
    }

    Task reassign(long taskId, String visitor, CurrentUser actor) {
        Task task = task(taskId, actor);
        if (!"OPEN".equals(task.status())) {
            throw ApiException.conflict("visits.task.not-open", Long.toString(taskId));
        }
        visitors.check(visitor, task.divisionCode());
        return transactions.execute(status -> {
            tasks.reassign(taskId, visitor.strip());
            audit.record(AuditRecord.success("VISIT_TASK_REASSIGNED", "visit-task:" + taskId,
                    "from=" + task.visitor() + " to=" + visitor));
            return tasks.find(taskId).orElseThrow();
        });
    }

    Task task(long taskId, CurrentUser actor) {
        Task task = tasks.find(taskId)
                .orElseThrow(() -> ApiException.notFound("visits.task.not-found", Long.toString(taskId)));
        if (!scope.within(actor, task.divisionCode())) {
            throw ApiException.notFound("visits.task.not-found", Long.toString(taskId));
        }
        return task;
    }

    List<Task> overdue(String division, String visitor, CurrentUser actor) {
        return tasks.overdue(scope.subtree(scope.division(division, actor)), clock.instant(), visitor);
    }

    /** One page of the open tasks past due in a division in the actor's scope (optionally of one visitor). */
    org.yilaoyixiao.platform.api.PageResponse<Task> overdue(String division, String visitor, CurrentUser actor,
                                                            org.yilaoyixiao.platform.api.PageRequest page) {
        return tasks.overdue(scope.subtree(scope.division(division, actor)), clock.instant(),
                visitor == null || visitor.isBlank() ? null : visitor.strip(), page);
    }

    /** Every overdue task of a division in the actor's scope, for a spreadsheet. */
    void eachOverdue(String division, String visitor, CurrentUser actor,
                     java.util.function.Consumer<TaskRepository.Listed> row) {
        tasks.eachOverdue(scope.subtree(scope.division(division, actor)), clock.instant(),
                visitor == null || visitor.isBlank() ? null : visitor.strip(), row);
    }

    /** One page of the actor's own open tasks due this month, overdue ones first. */
    org.yilaoyixiao.platform.api.PageResponse<Task> myTasks(CurrentUser actor,
                                                            org.yilaoyixiao.platform.api.PageRequest page) {
        return tasks.openFor(actor.username(), Months.start(currentMonth().plusMonths(1)), page);
    }

    /** The actor's own open tasks due by the end of today (overdue ones first), then those due later this month. */
    List<Task> myTasks(CurrentUser actor) {
        return tasks.openFor(actor.username(), Months.start(currentMonth().plusMonths(1)));
    }

    @Override
    public VisitRate rate(String divisionCode, YearMonth month) {
        Set<String> codes = scope.subtree(divisionCode);
        return jdbc.sql("""
                        select count(*) as targets, count(*) filter (where visited) as visited
                        from visits.published_monthly_target where month = :m and division_code in (:codes)
                        """).param("m", month.atDay(1)).param("codes", codes)
                .query((rs, i) -> VisitRate.of(divisionCode, month, rs.getLong(1), rs.getLong(2))).single();
    }

    VisitRate rate(String division, YearMonth month, CurrentUser actor) {
        return rate(scope.division(division, actor), month);
    }

    record VisitorProgress(String visitor, long elders, long visited, BigDecimal rate, boolean lagging) {
    }

    record DivisionProgress(String code, String name, VisitRate rate, boolean lagging) {
    }

    record Progress(String division, YearMonth month, long daysLeft, BigDecimal threshold, VisitRate rate,
                    List<VisitorProgress> visitors, List<DivisionProgress> parts, long unassigned) {

        public List<VisitorProgress> laggingVisitors() {
            return visitors.stream().filter(VisitorProgress::lagging).toList();
        }

        public List<DivisionProgress> laggingParts() {
            return parts.stream().filter(DivisionProgress::lagging).toList();
        }
    }

    /**
     * Who lags in a month: each visitor's elders (distinct people with a task of the month assigned to them) and how
     * many were visited; each sub-division's rate; with the days left in the month and the lag threshold.
     */
    Progress progress(String division, YearMonth month, CurrentUser actor) {
        String code = scope.division(division, actor);
        Set<String> codes = scope.subtree(code);
        CadenceParameters p = policy.on(month.atDay(1));
        LocalDate today = BusinessTime.today(clock);
        long daysLeft = today.isAfter(month.atEndOfMonth()) ? 0
                : ChronoUnit.DAYS.between(today.isBefore(month.atDay(1)) ? month.atDay(1) : today,
                month.atEndOfMonth()) + 1;
        List<VisitorProgress> visitors = jdbc.sql("""
                        select k.visitor, count(distinct k.person_id) as elders,
                               count(distinct k.person_id) filter (where exists (select 1 from visits.visit v
                                   where v.person_id = k.person_id and v.visited_month = k.month)) as visited
                        from visits.task k
                        where k.month = :m and k.division_code in (:codes) and k.status <> 'CANCELLED'
                          and k.kind in ('MONTHLY', 'HIGH_RISK') and k.visitor is not null
                        group by k.visitor order by k.visitor
                        """).param("m", month.atDay(1)).param("codes", codes)
                .query((rs, i) -> {
                    VisitRate r = VisitRate.of(rs.getString(1), month, rs.getLong(2), rs.getLong(3));
                    return new VisitorProgress(rs.getString(1), r.targetCount(), r.visitedCount(), r.rate(),
                            r.rate() != null && r.rate().compareTo(p.lagThresholdPercent()) < 0);
                }).list();
        visitors = visitors.stream().sorted(Comparator.comparing(VisitorProgress::rate,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<DivisionProgress> parts = new ArrayList<>();
        for (Division child : scope.children(code)) {
            VisitRate r = rate(child.code(), month);
            if (r.targetCount() > 0) {
                parts.add(new DivisionProgress(child.code(), child.name(), r,
                        r.rate().compareTo(p.lagThresholdPercent()) < 0));
            }
        }
        parts.sort(Comparator.comparing(d -> d.rate().rate()));
        long unassigned = jdbc.sql("""
                        select count(*) from visits.task where month = :m and division_code in (:codes)
                        and status = 'OPEN' and visitor is null
                        """).param("m", month.atDay(1)).param("codes", codes).query(Long.class).single();
        return new Progress(code, month, daysLeft, p.lagThresholdPercent(), rate(code, month), visitors, parts,
                unassigned);
    }

    Map<String, String> villageVisitors(String division, CurrentUser actor) {
        Map<String, String> result = new LinkedHashMap<>();
        tasks.villageVisitors(scope.subtree(scope.division(division, actor))).forEach(r -> result.put(r[0], r[1]));
        return result;
    }

    List<Division> villages(String division, CurrentUser actor) {
        String code = scope.division(division, actor);
        List<Division> villages = new ArrayList<>();
        collectVillages(code, villages);
        return villages;
    }

    private void collectVillages(String code, List<Division> into) {
        for (Division child : scope.children(code)) {
            if (child.level() == DivisionLevel.VILLAGE) {
                into.add(child);
            } else {
                collectVillages(child.code(), into);
            }
        }
    }

    CadenceParameters parameters(YearMonth month) {
        return policy.on(month.atDay(1));
    }
}
