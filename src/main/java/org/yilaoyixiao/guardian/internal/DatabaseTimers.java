package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.guardian.detection.TimerKind;
import org.yilaoyixiao.guardian.detection.Timers;

/**
 * The detectors' timers for one batch, collected in memory and written once per key at the end of the batch's
 * transaction (a batch of 500 readings from one watch moves its offline timer once, not 500 times).
 */
final class DatabaseTimers implements Timers {

    private record Change(long personId, TimerKind kind, Instant due, String context, boolean onlyLater,
                          boolean cancel) {
    }

    private final Map<String, Change> changes = new LinkedHashMap<>();

    @Override
    public void setNoEarlierThan(String key, long personId, TimerKind kind, Instant due, String context) {
        Change earlier = changes.get(key);
        if (earlier != null && !earlier.cancel() && !due.isAfter(earlier.due())) {
            return;
        }
        changes.put(key, new Change(personId, kind, due, context, earlier == null || earlier.onlyLater(), false));
    }

    @Override
    public void set(String key, long personId, TimerKind kind, Instant due, String context) {
        changes.put(key, new Change(personId, kind, due, context, false, false));
    }

    @Override
    public void cancel(String key) {
        changes.put(key, new Change(0, null, null, null, false, true));
    }

    void flush(JdbcClient jdbc) {
        changes.forEach((key, change) -> {
            if (change.cancel()) {
                jdbc.sql("delete from guardian.detector_timer where timer_key = :k").param("k", key).update();
                return;
            }
            String onConflict = change.onlyLater()
                    ? "do update set due_at = excluded.due_at, context = excluded.context"
                    + " where guardian.detector_timer.due_at < excluded.due_at"
                    : "do update set due_at = excluded.due_at, context = excluded.context";
            jdbc.sql("insert into guardian.detector_timer (timer_key, person_id, kind, due_at, context)"
                            + " values (:k, :p, :kind, :due, :context) on conflict (timer_key) " + onConflict)
                    .param("k", key).param("p", change.personId()).param("kind", change.kind().name())
                    .param("due", OffsetDateTime.ofInstant(change.due(), ZoneOffset.UTC))
                    .param("context", change.context() == null ? "" : change.context()).update();
        });
        changes.clear();
    }
}
