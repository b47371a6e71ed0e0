package org.yilaoyixiao.subsidies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.policy.NoParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * Starting, re-running and approving monthly runs. A run is county-wide, so only staff whose scope is the county
 * prepare or approve it; the approver is never the preparer (maker-checker, also a database check).
 */
@Service
class SubsidyRuns implements org.springframework.beans.factory.DisposableBean {

    private final JdbcClient jdbc;
    private final RunComputation computation;
    private final PolicyParameters parameters;
    private final AuditTrail audit;
    private final AuditText words;
    private final Clock clock;
    private final String countyCode;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "subsidy-run");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    SubsidyRuns(JdbcClient jdbc, RunComputation computation, PolicyParameters parameters, AuditTrail audit,
                AuditText words, Clock clock, @Value("${yly.county-code}") String countyCode,
                org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.computation = computation;
        this.parameters = parameters;
        this.audit = audit;
        this.words = words;
        this.clock = clock;
        this.countyCode = countyCode;
    }

    /** Runs left RUNNING or QUEUED by a stopped instance are marked INTERRUPTED: run them again. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jdbc.sql("update subsidies.run set status = 'INTERRUPTED' where status in ('QUEUED', 'RUNNING')").update();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    static LocalDate parseMonth(String month) {
        if (month == null || month.isBlank()) {
            throw ApiException.validation("month", "REQUIRED", "subsidies.month.required");
        }
        try {
            return YearMonth.parse(month).atDay(1);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month", "INVALID", "subsidies.month.invalid", month);
        }
    }

    static Programme parseProgramme(String programme) {
        if (programme == null || programme.isBlank()) {
            throw ApiException.validation("programme", "REQUIRED", "subsidies.programme.required");
        }
        try {
            return Programme.valueOf(programme);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("programme", "UNKNOWN", "subsidies.programme.unknown", programme);
        }
    }

    private void requireCounty(CurrentUser actor) {
        if (!countyCode.equals(actor.divisionCode())) {
            throw ApiException.forbidden("subsidies.run.county-only");
        }
    }

    /** Creates the month's run or queues a draft (or interrupted, failed, stale) one again; 409 once approved. */
    @Transactional
    RunRecord start(String programmeName, String monthText, CurrentUser actor) {
        Programme programme = parseProgramme(programmeName);
        LocalDate month = parseMonth(monthText);
        if (!computation.supports(programme)) {
            throw ApiException.validation("programme", "ONE_TIME", "subsidies.programme.one-time",
                    Message.of(programme.labelKey()));
        }
        requireCounty(actor);
        try {
            computation.definition(programme).bind(month, parameters);
        } catch (NoParameterValue e) {
            throw ApiException.conflict("subsidies.run.no-parameter", e.key(), e.date());
        }
        RunRecord run = jdbc.sql("""
                insert into subsidies.run (programme, month, status, progress, prepared_by, prepared_at)
                values (:programme, :month, 'QUEUED', 0, :actor, :now)
                on conflict (programme, month) do update
                   set status = 'QUEUED', progress = 0, prepared_by = :actor, prepared_at = :now
                   where subsidies.run.status not in ('APPROVED')
                returning *
                """).param("programme", programme.name()).param("month", month).param("actor", actor.username())
                .param("now", java.sql.Timestamp.from(clock.instant())).query(RunRecord.class).optional()
                .orElseThrow(() -> ApiException.conflict("subsidies.run.approved",
                        Message.of(programme.labelKey()), monthText));
        audit.record(AuditRecord.success("SUBSIDY_RUN_STARTED", "subsidy-run:" + run.id(),
                words.programme(programme) + " " + run.monthText()));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        enqueue(run.id());
                    }
                });
        return run;
    }

    private void enqueue(long runId) {
        if (queued.add(runId)) {
            executor.submit(() -> {
                queued.remove(runId);
                try {
                    computation.compute(runId);
                } catch (RuntimeException e) {
                    // recorded on the run by the computation
                }
            });
        }
    }

    /**
     * Approves a computed draft. Earlier months need not be approved first: adjustments only ever settle months that
     * are approved, so a month approved late is paid by its own lines and never twice.
     */
    RunRecord approve(long runId, CurrentUser actor) {
        return approve(runId, actor, null, false);
    }

    /**
     * Approves what the approver previewed: {@code confirmation} is the digest of the preview
     * ({@link Confirmations#run}); without it, or after the run changed (computed again), nothing is approved.
     */
    RunRecord approveConfirmed(long runId, CurrentUser actor, String confirmation) {
        return approve(runId, actor, confirmation, true);
    }

    private RunRecord approve(long runId, CurrentUser actor, String confirmation, boolean confirmed) {
        requireCounty(actor);
        RunRecord found = find(runId).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", runId));
        if (found.preparedBy().equals(actor.username())) {
            // outside the approval's transaction, so that the refusal stays in the trail
            audit.record(AuditRecord.of("SUBSIDY_RUN_APPROVAL_REFUSED", "subsidy-run:" + runId, AuditOutcome.DENIED,
                    "审批人即制单人，不得审批"));
            throw ApiException.forbidden("subsidies.run.approver-is-preparer");
        }
        if (confirmed && "DRAFT".equals(found.status())) {
            try {
                Confirmations.require(confirmation, Confirmations.run(found));
            } catch (ApiException e) {
                audit.record(AuditRecord.of("SUBSIDY_RUN_APPROVAL_REFUSED", "subsidy-run:" + runId,
                        AuditOutcome.DENIED, confirmation == null || confirmation.isBlank() ? "未经预览确认"
                                : "预览之后数据已变化"));
                throw e;
            }
        }
        return transactions.execute(s -> approveInTransaction(runId, actor, confirmation, confirmed));
    }

    private RunRecord approveInTransaction(long runId, CurrentUser actor, String confirmation, boolean confirmed) {
        RunRecord run = jdbc.sql("select * from subsidies.run where id = :id for update").param("id", runId)
                .query(RunRecord.class).single();
        if (run.preparedBy().equals(actor.username())) {
            throw ApiException.forbidden("subsidies.run.approver-is-preparer");
        }
        if ("APPROVED".equals(run.status())) {
            throw ApiException.conflict("subsidies.run.approved",
                    Message.of("subsidies.programme." + run.programme()), run.monthText());
        }
        if (!"DRAFT".equals(run.status())) {
            throw ApiException.conflict("subsidies.run.not-draft", Message.of("subsidies.status." + run.status()));
        }
        if (confirmed) {
            Confirmations.require(confirmation, Confirmations.run(run)); // the run as locked, not as first read
        }
        jdbc.sql("""
                update subsidies.run set status = 'APPROVED', approved_by = :actor, approved_at = :now where id = :id
                """).param("actor", actor.username()).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", runId).update();
        // later drafts computed their adjustments and change lists without this approval: they must run again
        jdbc.sql("""
                update subsidies.run set status = 'STALE' where programme = :programme and month > :month
                  and status = 'DRAFT'
                """).param("programme", run.programme()).param("month", run.month()).update();
        audit.record(AuditRecord.success("SUBSIDY_RUN_APPROVED", "subsidy-run:" + runId,
                words.programme(run.programme()) + " " + run.monthText() + "：明细 " + run.lineCount() + " 条，合计 "
                        + AuditText.money(run.total()) + "，制单人 " + words.person(run.preparedBy())));
        return find(runId).orElseThrow();
    }

    /** The same programme's run of the month before, if any: what the preview compares with. */
    java.util.Optional<RunRecord> previousMonth(RunRecord run) {
        return jdbc.sql("select * from subsidies.run where programme = :programme and month = :month")
                .param("programme", run.programme()).param("month", run.month().minusMonths(1))
                .query(RunRecord.class).optional();
    }

    java.util.Optional<RunRecord> find(long id) {
        return jdbc.sql("select * from subsidies.run where id = :id").param("id", id).query(RunRecord.class).optional();
    }

    /**
     * Runs newest month first, one page: a programme and a status narrow them; {@code awaitingApprovalBy} keeps the
     * computed drafts someone other than that user prepared (what waits for their approval).
     */
    org.yilaoyixiao.platform.api.PageResponse<RunRecord> page(Programme programme, String status,
                                                               CurrentUser awaitingApprovalBy,
                                                               org.yilaoyixiao.platform.api.PageRequest page) {
        String where = " where (cast(:programme as varchar) is null or programme = :programme)"
                + " and (cast(:status as varchar) is null or status = :status)"
                + (awaitingApprovalBy == null ? ""
                : " and status = 'DRAFT' and prepared_by <> :me and programme in (:mine)");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("programme", programme == null ? null : programme.name());
        params.put("status", status);
        if (awaitingApprovalBy != null) {
            params.put("me", awaitingApprovalBy.username());
            java.util.List<String> mine = BureauProgrammes.of(awaitingApprovalBy).stream().map(Programme::name)
                    .toList();
            params.put("mine", mine.isEmpty() ? java.util.List.of("-") : mine);
        }
        long total = jdbc.sql("select count(*) from subsidies.run" + where).params(params).query(Long.class).single();
        java.util.List<RunRecord> items = jdbc.sql("select * from subsidies.run" + where
                        + " order by month desc, programme limit :limit offset :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(RunRecord.class).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Computed drafts of these programmes that someone other than the user prepared: waiting for their approval. */
    long awaitingApproval(String username, java.util.Collection<Programme> programmes) {
        if (programmes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from subsidies.run where status = 'DRAFT' and prepared_by <> :me"
                        + " and programme in (:programmes)").param("me", username)
                .param("programmes", programmes.stream().map(Programme::name).toList()).query(Long.class).single();
    }

    java.util.List<RunRecord> recent(int limit) {
        return jdbc.sql("select * from subsidies.run order by month desc, programme limit :limit")
                .param("limit", limit).query(RunRecord.class).list();
    }
}
