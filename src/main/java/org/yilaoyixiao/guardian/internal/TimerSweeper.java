package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.guardian.detection.Detectors;
import org.yilaoyixiao.guardian.detection.TimerKind;
import org.yilaoyixiao.guardian.detection.Trigger;

/**
 * Fires the detectors' timers that are due. A timer is deleted in the transaction that raises its alert, and rows
 * are claimed with {@code for update skip locked}: after a restart every timer still pending fires (none lost), and a
 * fired one never fires again (none twice), even with two instances sweeping at once.
 */
@Component
class TimerSweeper {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Detectors detectors;
    private final GuardianAlerts alerts;
    private final DeviceDirectory devices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;
    private final AlertEscalation escalation;

    TimerSweeper(JdbcClient jdbc, Detectors detectors, GuardianAlerts alerts, DeviceDirectory devices,
                 TransactionTemplate transactions, Clock clock, AlertEscalation escalation,
                 @org.springframework.beans.factory.annotation.Value("${yly.guardian.timer-sweep-enabled:true}")
                 boolean enabled) {
        this.enabled = enabled;
        this.escalation = escalation;
        this.jdbc = jdbc;
        this.detectors = detectors;
        this.alerts = alerts;
        this.devices = devices;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Due(String key, long personId, TimerKind kind, OffsetDateTime dueAt, String context) {
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${yly.guardian.timer-sweep-interval:PT5S}")
    void scheduled() {
        if (enabled) {
            sweep();
        }
    }

    /** Fires every timer due by the clock's now; the number fired. */
    int sweep() {
        return sweepUntil(clock.instant());
    }

    /** Fires every timer due by {@code now} (a replayed or simulated stream sweeps at its own time). */
    int sweepUntil(java.time.Instant now) {
        int fired = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<Due> due = jdbc.sql("""
                                delete from guardian.detector_timer where timer_key in (
                                    select timer_key from guardian.detector_timer where due_at <= :now
                                    order by due_at limit :limit for update skip locked)
                                returning timer_key, person_id, kind, due_at, context
                                """).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("limit", BATCH)
                        .query((rs, i) -> new Due(rs.getString(1), rs.getLong(2), TimerKind.valueOf(rs.getString(3)),
                                rs.getObject(4, OffsetDateTime.class), rs.getString(5))).list();
                for (Due timer : due) {
                    fire(timer);
                }
                return due.size();
            });
            fired += batch;
            if (batch < BATCH) {
                return fired;
            }
        }
    }

    private void fire(Due timer) {
        if (timer.kind() == TimerKind.ESCALATION) {
            escalation.onTimer(timer.context());
            return;
        }
        String division = null;
        if (timer.kind() == TimerKind.DEVICE_OFFLINE) {
            devices.markOffline(timer.context());
            division = devices.find(timer.context()).map(DeviceDirectory.Device::divisionCode).orElse(null);
        }
        if (division == null) {
            division = devices.ofPerson(timer.personId()).stream().map(DeviceDirectory.Device::divisionCode)
                    .findFirst().orElse(null);
        }
        if (division == null) {
            return;
        }
        for (Trigger trigger : detectors.onTimer(timer.personId(), timer.kind(), timer.dueAt().toInstant(),
                timer.context())) {
            alerts.raise(trigger, division);
        }
    }
}
