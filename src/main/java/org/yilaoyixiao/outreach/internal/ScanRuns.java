package org.yilaoyixiao.outreach.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * County-wide scans, one at a time: the nightly one and those a clerk starts from the worklist ("立即扫描"). A run is a
 * row of {@code outreach.scan_run}; the database admits one unfinished row, so a second start — another click, another
 * instance, the night's job — finds the running one and says so instead of scanning twice. A clerk's scan runs on the
 * application's task executor, the page shows it running and then its result. A run left unfinished by a stopped
 * server is closed as failed once it is older than {@link #STALE}, so it never blocks scans for good.
 */
@Service
class ScanRuns {

    private static final Logger log = LoggerFactory.getLogger(ScanRuns.class);
    static final String NIGHTLY = "outreach-scan";
    /** Far longer than a county-wide scan takes (seconds to a minute at a million people). */
    static final Duration STALE = Duration.ofHours(2);

    private final OutreachScan scan;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean scheduled;

    ScanRuns(OutreachScan scan, JdbcClient jdbc, AuditTrail audit,
             @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
             @Value("${yly.outreach.scan-enabled:true}") boolean scheduled) {
        this.scan = scan;
        this.jdbc = jdbc;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    record Run(long id, Instant startedAt, String startedBy, Instant finishedAt, String outcome, Integer found,
               String error) {

        public boolean running() {
            return finishedAt == null;
        }
    }

    @Scheduled(cron = "${yly.outreach.scan-cron:0 0 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        if (!scheduled) {
            return;
        }
        Optional<Run> run = start(NIGHTLY);
        if (run.isPresent()) {
            complete(run.get());
        } else {
            log.info("Nightly outreach scan skipped: a scan is running");
        }
    }

    /**
     * Starts a county-wide scan for a clerk, in the background; a conflict naming the running scan when one is
     * running. Audited.
     */
    Run startNow(CurrentUser actor) {
        Run run = start(actor.username()).orElseThrow(this::busy);
        audit.record(AuditRecord.success("OUTREACH_SCAN_STARTED", "outreach-scan-run:" + run.id(), "county-wide"));
        executor.execute(() -> complete(run));
        return run;
    }

    /** Scans the county in the caller's thread (the API); the people found, or a conflict while a scan runs. */
    int scanHere(CurrentUser actor) {
        Run run = start(actor.username()).orElseThrow(this::busy);
        return scanned(run);
    }

    private ApiException busy() {
        Run running = running().orElseThrow(() -> new IllegalStateException("a scan ended in between"));
        return ApiException.conflict("outreach.scan.busy", running.startedBy(),
                ScanStatus.SHOWN.format(running.startedAt()));
    }

    /** A new running row, or empty when another run holds the place. */
    Optional<Run> start(String actor) {
        Instant now = clock.instant();
        jdbc.sql("""
                update outreach.scan_run set finished_at = :now, outcome = 'FAILED', error = 'interrupted'
                where finished_at is null and started_at < :stale
                """).param("now", Timestamp.from(now)).param("stale", Timestamp.from(now.minus(STALE))).update();
        return jdbc.sql("""
                        insert into outreach.scan_run (started_at, started_by) values (:now, :actor)
                        on conflict do nothing returning id
                        """).param("now", Timestamp.from(now)).param("actor", actor).query(Long.class).optional()
                .map(id -> new Run(id, now, actor, null, "RUNNING", null, null));
    }

    /** Runs the scan of a started run and records how it ended; never throws. */
    void complete(Run run) {
        try {
            scanned(run);
        } catch (RuntimeException e) {
            log.error("Outreach scan {} failed", run.id(), e);
        }
    }

    private int scanned(Run run) {
        try {
            int found = scan.scan(null, run.startedBy());
            finish(run.id(), "DONE", found, null);
            return found;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            finish(run.id(), "FAILED", null, error.length() > 500 ? error.substring(0, 500) : error);
            throw e;
        }
    }

    private void finish(long id, String outcome, Integer found, String error) {
        jdbc.sql("""
                update outreach.scan_run set finished_at = :now, outcome = :outcome, found = :found, error = :error
                where id = :id
                """).param("now", Timestamp.from(clock.instant())).param("outcome", outcome).param("found", found)
                .param("error", error).param("id", id).update();
    }

    Optional<Run> running() {
        return jdbc.sql("select * from outreach.scan_run where finished_at is null").query(ScanRuns::map).optional();
    }

    Optional<Run> lastFinished() {
        return jdbc.sql("select * from outreach.scan_run where finished_at is not null order by finished_at desc, id desc"
                + " limit 1").query(ScanRuns::map).optional();
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        int found = rs.getInt("found");
        Integer foundOrNull = rs.wasNull() ? null : found;
        return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                finished == null ? null : finished.toInstant(), rs.getString("outcome"), foundOrNull,
                rs.getString("error"));
    }
}
