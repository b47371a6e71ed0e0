package org.yilaoyixiao.subsidies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * Computes one run: in ONE transaction it deletes the run's lines and changes, inserts the month's lines with one
 * INSERT … SELECT, adds the adjustments for approved earlier months, builds the change list against the previous
 * month and marks the run DRAFT. Killed at any point, the transaction rolls back: the run keeps its previous
 * complete set of lines (or none) and can simply be run again. Progress is written in separate short transactions so
 * that the run page can show it while the work is under way.
 */
@Component
class RunComputation {

    private static final Logger log = LoggerFactory.getLogger(RunComputation.class);

    private final Map<Programme, RunDefinition> definitions = new EnumMap<>(Programme.class);
    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final TransactionTemplate work;
    private final TransactionTemplate progress;
    private final ObjectMapper json;
    private final Clock clock;
    private final int adjustmentMonths;

    /** Test seam: runs inside the computing transaction after the month's lines are written. */
    volatile Runnable afterLinesWritten = () -> {
    };

    RunComputation(List<RunDefinition> definitions, JdbcClient jdbc, PolicyParameters parameters,
                   PlatformTransactionManager transactions, ObjectMapper json, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${yly.subsidies.adjustment-months:12}")
                   int adjustmentMonths) {
        definitions.forEach(d -> this.definitions.put(d.programme(), d));
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.work = new TransactionTemplate(transactions);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.adjustmentMonths = adjustmentMonths;
    }

    boolean supports(Programme programme) {
        return definitions.containsKey(programme);
    }

    RunDefinition definition(Programme programme) {
        return definitions.get(programme);
    }

    private void progress(long runId, String status, int percent) {
        progress.executeWithoutResult(s -> {
            // a progress mark lost in a crash costs nothing (the run is marked interrupted at start), so it need not
            // wait for the disk; the computation's own commit does
            jdbc.sql("set local synchronous_commit = off").update();
            jdbc.sql("""
                update subsidies.run set status = coalesce(:status, status), progress = :progress where id = :id
                """).param("status", status).param("progress", percent).param("id", runId).update();
        });
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Computes the run; never throws: a failure is recorded on the run. */
    void compute(long runId) {
        long started = System.nanoTime();
        try {
            progress.executeWithoutResult(s -> jdbc.sql("""
                    update subsidies.run set status = 'RUNNING', progress = 5, attempts = attempts + 1, failure = null
                    where id = :id and status <> 'APPROVED'
                    """).param("id", runId).update());
            work.executeWithoutResult(s -> computeInTransaction(runId, started));
        } catch (RuntimeException e) {
            log.warn("Subsidy run {} failed", runId, e);
            progress.executeWithoutResult(s -> jdbc.sql("""
                    update subsidies.run set status = 'FAILED', failure = :failure where id = :id and status <> 'APPROVED'
                    """).param("failure", String.valueOf(e.getMessage())).param("id", runId).update());
            throw e;
        }
    }

    private void computeInTransaction(long runId, long started) {
        // one computation of a run at a time, also across instances; released with the transaction
        jdbc.sql("select pg_advisory_xact_lock(6006, cast(:id as int))").param("id", runId).query(Object.class).list();
        RunRecord run = jdbc.sql("select * from subsidies.run where id = :id").param("id", runId)
                .query(RunRecord.class).single();
        if ("APPROVED".equals(run.status())) {
            return;
        }
        Programme programme = Programme.valueOf(run.programme());
        RunDefinition definition = definitions.get(programme);
        RunDefinition.Bound bound = definition.bind(run.month(), parameters);

        long phase = System.nanoTime();
        jdbc.sql("delete from subsidies.run_change where run_id = :id").param("id", runId).update();
        jdbc.sql("delete from subsidies.run_line where run_id = :id").param("id", runId).update();
        jdbc.sql("insert into subsidies.run_line (run_id, kind, for_month, subject_type, subject_id, division_code, "
                        + "township_code, name, id_number_masked, amount, explanation) "
                        + "select :run_id, 'REGULAR', :month_start, l.* from (" + definition.selectLines() + ") l")
                .params(bound.params()).param("run_id", runId).update();
        afterLinesWritten.run();
        long linesMs = elapsedMs(phase);
        progress(runId, null, 50);

        phase = System.nanoTime();
        adjustments(run, definition);
        long adjustmentsMs = elapsedMs(phase);
        progress(runId, null, 75);

        Long previous = jdbc.sql("""
                select id from subsidies.run where programme = :programme and month = :month
                  and status in ('DRAFT', 'APPROVED', 'STALE')
                """).param("programme", run.programme()).param("month", run.month().minusMonths(1))
                .query(Long.class).optional().orElse(null);
        phase = System.nanoTime();
        if (previous != null) {
            changes(runId, previous, definition);
        }
        long changesMs = elapsedMs(phase);
        progress(runId, null, 95);
        log.info("Subsidy run {} ({} {}): lines {} ms, adjustments {} ms, change list {} ms", runId, run.programme(),
                run.monthText(), linesMs, adjustmentsMs, changesMs);

        jdbc.sql("""
                update subsidies.run r set status = 'DRAFT', progress = 100, previous_run_id = :previous,
                       line_count = t.n, total = t.total, parameters = cast(:parameters as jsonb),
                       computed_at = :now, duration_ms = :duration
                from (select count(*) as n, coalesce(sum(amount), 0) as total
                      from subsidies.run_line where run_id = :id) t
                where r.id = :id
                """).param("previous", previous)
                .param("parameters", json.writeValueAsString(bound.used().stream()
                        .map(RunDefinition::rateJson).toList()))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("duration", (System.nanoTime() - started) / 1_000_000)
                .param("id", runId).update();
    }

    /**
     * For each approved earlier month within the look-back: what is due now (today's facts and that month's
     * parameters, a retroactive value included) minus what was paid (its lines and approved adjustments); any
     * difference becomes an ARREARS or RECOVERY line of this run.
     */
    private void adjustments(RunRecord run, RunDefinition definition) {
        List<LocalDate> approvedMonths = jdbc.sql("""
                select month from subsidies.run where programme = :programme and status = 'APPROVED'
                  and month < :month and month >= :earliest order by month
                """).param("programme", run.programme()).param("month", run.month())
                .param("earliest", run.month().minusMonths(adjustmentMonths)).query(LocalDate.class).list();
        if (approvedMonths.isEmpty()) {
            return;
        }
        jdbc.sql("""
                create temporary table if not exists subsidy_due (subject_type varchar(12), subject_id bigint,
                    division_code varchar(12), township_code varchar(12), name varchar(200), id_number_masked varchar(18),
                    amount numeric(12,2), explanation jsonb) on commit drop
                """).update();
        for (LocalDate month : approvedMonths) {
            RunDefinition.Bound bound = definition.bind(month, parameters);
            jdbc.sql("truncate subsidy_due").update();
            jdbc.sql("insert into subsidy_due " + definition.selectLines()).params(bound.params()).update();
            jdbc.sql("""
                    with paid as (
                        select l.subject_type, l.subject_id, sum(l.amount) as amount, max(l.name) as name,
                               max(l.division_code) as division_code, max(l.township_code) as township_code,
                               max(l.id_number_masked) as id_number_masked
                        from subsidies.run_line l join subsidies.run r on r.id = l.run_id
                        where r.programme = :programme and r.status = 'APPROVED' and l.for_month = :for_month
                        group by l.subject_type, l.subject_id),
                    diff as (
                        select coalesce(d.subject_type, p.subject_type) as subject_type,
                               coalesce(d.subject_id, p.subject_id) as subject_id,
                               coalesce(d.division_code, p.division_code) as division_code,
                               coalesce(d.township_code, p.township_code) as township_code,
                               coalesce(d.name, p.name) as name,
                               coalesce(d.id_number_masked, p.id_number_masked) as id_number_masked,
                               coalesce(d.amount, 0) as due, coalesce(p.amount, 0) as paid, d.explanation
                        from subsidy_due d full join paid p
                          on p.subject_type = d.subject_type and p.subject_id = d.subject_id)
                    insert into subsidies.run_line (run_id, kind, for_month, subject_type, subject_id, division_code,
                        township_code, name, id_number_masked, amount, explanation)
                    select :run_id, case when due > paid then 'ARREARS' else 'RECOVERY' end, :for_month,
                           subject_type, subject_id, division_code, township_code, name, id_number_masked, due - paid,
                           jsonb_build_object('basis', 'ADJUSTMENT', 'forMonth', cast(:for_month as date),
                                              'due', due, 'paid', paid, 'dueExplanation', explanation,
                                              'dueParameters', cast(:due_parameters as jsonb))
                    from diff where due <> paid
                    """).param("programme", run.programme()).param("for_month", month).param("run_id", run.id())
                    .param("due_parameters", json.writeValueAsString(bound.used().stream()
                            .map(RunDefinition::rateJson).toList()))
                    .update();
        }
    }

    /**
     * 应补尽补、应退尽退: who newly qualifies this month and why, who stopped qualifying and why — one hash full join
     * of this month's and last month's regular lines; only the subjects who stopped are looked up for the reason.
     */
    private void changes(long runId, long previous, RunDefinition definition) {
        // keys only in the full join; names and explanations are fetched for the changed subjects alone
        jdbc.sql("""
                with cur as (select subject_type, subject_id from subsidies.run_line
                             where run_id = :run_id and kind = 'REGULAR'),
                     prev as (select subject_type, subject_id from subsidies.run_line
                              where run_id = :previous and kind = 'REGULAR'),
                     changed as (
                         select case when prev.subject_id is null then 'ADDED' else 'REMOVED' end as change,
                                coalesce(cur.subject_type, prev.subject_type) as subject_type,
                                coalesce(cur.subject_id, prev.subject_id) as subject_id
                         from cur full join prev
                           on prev.subject_type = cur.subject_type and prev.subject_id = cur.subject_id
                         where cur.subject_id is null or prev.subject_id is null)
                insert into subsidies.run_change (run_id, change, subject_type, subject_id, name, division_code,
                    township_code, reason, detail)
                select :run_id, c.change, c.subject_type, c.subject_id, l.name, l.division_code, l.township_code,
                       -- an explanation is an object with its basis, or positional with the basis first (0036)
                       case when c.change = 'ADDED' then coalesce(l.explanation ->> 'basis', l.explanation ->> 0)
                            else 'PENDING' end,
                       case when jsonb_typeof(l.explanation) = 'array' then l.explanation - 0
                            else l.explanation -> 'facts' end
                from changed c
                join subsidies.run_line l
                  on l.run_id = case when c.change = 'ADDED' then cast(:run_id as bigint) else cast(:previous as bigint) end
                 and l.kind = 'REGULAR' and l.subject_type = c.subject_type and l.subject_id = c.subject_id
                """).param("run_id", runId).param("previous", previous).update();
        // the reason someone stopped comes from their current record; only those few are looked up
        jdbc.sql("update subsidies.run_change o set reason = " + definition.removedReason()
                        + " from subsidies.run_change c " + definition.removedJoin()
                        + " where o.id = c.id and o.run_id = :run_id and o.change = 'REMOVED'")
                .param("run_id", runId).update();
    }
}
