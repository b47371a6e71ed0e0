package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.guardian.detection.LearnedRoutine;
import org.yilaoyixiao.guardian.detection.Reading;
import org.yilaoyixiao.guardian.detection.ReadingType;
import org.yilaoyixiao.guardian.detection.RoutineLearner;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Keeps every elder's routine up to date: learns it from the complete local days of the last
 * {@code yly.guardian.routine.history-days} (14) days of their devices' readings, stores it (so a restart loses
 * nothing) and refreshes the cached profile. Nightly for every elder with a device
 * ({@code yly.guardian.routine.relearn-cron}, 02:30 by default), and on demand for one elder.
 */
@Service
class RoutineLearning {

    private static final Logger log = LoggerFactory.getLogger(RoutineLearning.class);

    private final JdbcClient jdbc;
    private final RoutineStore store;
    private final ElderProfiles profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RoutineLearner learner;
    private final int historyDays;
    private final boolean nightly;

    RoutineLearning(JdbcClient jdbc, RoutineStore store, ElderProfiles profiles, TransactionTemplate transactions,
                    Clock clock, GuardianSettings settings, @Value("${yly.guardian.routine.history-days:14}") int historyDays,
                    @Value("${yly.guardian.routine.min-days:3}") int minDays,
                    @Value("${yly.guardian.routine.relearn-enabled:true}") boolean nightly) {
        this.jdbc = jdbc;
        this.store = store;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
        this.historyDays = historyDays;
        this.nightly = nightly;
        this.learner = new RoutineLearner(settings.detection(), minDays);
    }

    int historyDays() {
        return historyDays;
    }

    /** Learns the elder's routine from the complete days before today and stores it. */
    LearnedRoutine relearn(long personId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(BusinessTime.ZONE).toLocalDate();
        Instant from = today.minusDays(historyDays).atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant to = today.atStartOfDay(BusinessTime.ZONE).toInstant();
        List<Reading> history = jdbc.sql("""
                        select r.device_id, r.type, r.at, r.seq, r.lat::float8, r.lon::float8, r.value::float8
                        from guardian.reading r join guardian.device d on d.device_id = r.device_id
                        where d.person_id = :p and r.at >= :from and r.at < :to
                        """).param("p", personId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, i) -> new Reading(rs.getString(1), personId, ReadingType.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), (Double) rs.getObject(5),
                        (Double) rs.getObject(6), (Double) rs.getObject(7))).list();
        LearnedRoutine routine = learner.learn(history);
        transactions.executeWithoutResult(status -> store.save(personId, routine, now, historyDays));
        profiles.forget(personId);
        return routine;
    }

    @Scheduled(cron = "${yly.guardian.routine.relearn-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        if (nightly) {
            relearnAll();
        }
    }

    /** Relearns every elder with a device, one at a time (a failure for one does not stop the others). */
    int relearnAll() {
        List<Long> people = jdbc.sql("select distinct person_id from guardian.device order by person_id")
                .query(Long.class).list();
        int learned = 0;
        for (long person : people) {
            try {
                relearn(person);
                learned++;
            } catch (RuntimeException e) {
                log.warn("Routine of person {} not relearned: {}", person, e.toString());
            }
        }
        log.info("Guardian routines relearned: {} of {} elders", learned, people.size());
        return learned;
    }
}
