package org.yilaoyixiao.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * "重新计算": a clerk recomputes every indicator of a year now instead of waiting for the cached numbers to age. One
 * at a time: a run is a row of {@code indicators.recompute_run} and the database admits one unfinished row, so a
 * second click (or another instance) while one runs gets a conflict naming the running one. A recomputation takes a
 * second or two, so it runs in the request; a run left unfinished by a stopped server is closed as failed once it is
 * older than {@link #STALE}. Audited.
 */
@Service
class RecomputeRuns {

    private static final Logger log = LoggerFactory.getLogger(RecomputeRuns.class);
    static final Duration STALE = Duration.ofMinutes(30);

    private final IndicatorComputation computation;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RecomputeRuns(IndicatorComputation computation, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.computation = computation;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record Run(long id, int year, Instant startedAt, String startedBy, Instant finishedAt, String outcome,
               Integer indicators, Integer divisions, Long millis) {

        public boolean running() {
            return finishedAt == null;
        }
    }

    /** Recomputes the year; the finished run, or a conflict naming the run in progress. */
    Run recompute(int year, CurrentUser actor) {
        Instant now = clock.instant();
        jdbc.sql("""
                update indicators.recompute_run set finished_at = :now, outcome = 'FAILED', error = 'interrupted'
                where finished_at is null and started_at < :stale
                """).param("now", Timestamp.from(now)).param("stale", Timestamp.from(now.minus(STALE))).update();
        long id = jdbc.sql("""
                        insert into indicators.recompute_run (year, started_at, started_by) values (:y, :now, :actor)
                        on conflict do nothing returning id
                        """).param("y", year).param("now", Timestamp.from(now)).param("actor", actor.username())
                .query(Long.class).optional().orElseThrow(() -> {
                    Run running = running().orElseThrow();
                    return ApiException.conflict("indicators.recompute.busy", running.startedBy(),
                            running.startedAt());
                });
        try {
            IndicatorComputation.Snapshot snapshot = computation.recompute(year);
            int divisions = snapshot.tree().size();
            jdbc.sql("""
                    update indicators.recompute_run set finished_at = :now, outcome = 'DONE', indicators = :n,
                        divisions = :d, millis = :ms where id = :id
                    """).param("now", Timestamp.from(clock.instant())).param("n", snapshot.totals().size())
                    .param("d", divisions).param("ms", snapshot.millis()).param("id", id).update();
            audit.record(AuditRecord.success("INDICATORS_RECOMPUTED", "indicator-year:" + year,
                    "run=" + id + " indicators=" + snapshot.totals().size() + " divisions=" + divisions
                            + " millis=" + snapshot.millis()));
        } catch (RuntimeException e) {
            log.error("Indicator recomputation {} failed", id, e);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.sql("update indicators.recompute_run set finished_at = :now, outcome = 'FAILED', error = :e "
                            + "where id = :id").param("now", Timestamp.from(clock.instant()))
                    .param("e", error.length() > 500 ? error.substring(0, 500) : error).param("id", id).update();
            audit.record(AuditRecord.of("INDICATORS_RECOMPUTED", "indicator-year:" + year,
                    org.yilaoyixiao.audit.AuditOutcome.FAILURE, "run=" + id + " " + error));
            throw e;
        }
        return lastFinished().orElseThrow();
    }

    Optional<Run> running() {
        return jdbc.sql("select * from indicators.recompute_run where finished_at is null")
                .query(RecomputeRuns::map).optional();
    }

    Optional<Run> lastFinished() {
        return jdbc.sql("select * from indicators.recompute_run where finished_at is not null "
                + "order by finished_at desc, id desc limit 1").query(RecomputeRuns::map).optional();
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getInt("year"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("started_by"), finished == null ? null : finished.toInstant(), rs.getString("outcome"),
                (Integer) rs.getObject("indicators"), (Integer) rs.getObject("divisions"),
                (Long) rs.getObject("millis"));
    }
}
