package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
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

    // sorted: concurrent batches then lock the timers they share in the same order, never in a cycle
    private final Map<String, Change> changes = new java.util.TreeMap<>();

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

    /**
     * Writes the batch's timer changes in at most three statements: cancellations, timers that only move later, and
     * timers set outright (each an {@code unnest} of arrays), however many keys the batch touched.
     */
    void flush(JdbcClient jdbc) {
        java.util.List<String> cancelled = new java.util.ArrayList<>();
        java.util.List<Map.Entry<String, Change>> later = new java.util.ArrayList<>();
        java.util.List<Map.Entry<String, Change>> exact = new java.util.ArrayList<>();
        changes.entrySet().forEach(e -> {
            if (e.getValue().cancel()) {
                cancelled.add(e.getKey());
            } else if (e.getValue().onlyLater()) {
                later.add(e);
            } else {
                exact.add(e);
            }
        });
        if (!cancelled.isEmpty()) {
            jdbc.sql("delete from guardian.detector_timer where timer_key = any(cast(:keys as varchar[]))")
                    .param("keys", cancelled.toArray(String[]::new)).update();
        }
        upsert(jdbc, later, " where guardian.detector_timer.due_at < excluded.due_at");
        upsert(jdbc, exact, "");
        changes.clear();
    }

    private static void upsert(JdbcClient jdbc, java.util.List<Map.Entry<String, Change>> entries, String condition) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] keys = new String[n];
        Long[] people = new Long[n];
        String[] kinds = new String[n];
        String[] dues = new String[n];
        String[] contexts = new String[n];
        for (int i = 0; i < n; i++) {
            Change c = entries.get(i).getValue();
            keys[i] = entries.get(i).getKey();
            people[i] = c.personId();
            kinds[i] = c.kind().name();
            dues[i] = c.due().toString();
            contexts[i] = c.context() == null ? "" : c.context();
        }
        jdbc.sql("""
                        insert into guardian.detector_timer (timer_key, person_id, kind, due_at, context)
                        select k, p, t, d::timestamptz, c
                        from unnest(cast(:keys as varchar[]), cast(:people as bigint[]), cast(:kinds as varchar[]),
                                    cast(:dues as varchar[]), cast(:contexts as varchar[])) as x(k, p, t, d, c)
                        on conflict (timer_key) do update set due_at = excluded.due_at, context = excluded.context
                        """ + condition)
                .param("keys", keys).param("people", people).param("kinds", kinds).param("dues", dues)
                .param("contexts", contexts).update();
    }
}
