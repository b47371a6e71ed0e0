package org.yilaoyixiao.guardian.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Timers in a map, fired by advancing a scripted clock: what a stream processor's timer service does. */
final class ScriptedTimers implements Timers {

    record Timer(String key, long personId, TimerKind kind, Instant due, String context) {
    }

    final Map<String, Timer> timers = new TreeMap<>();

    @Override
    public void setNoEarlierThan(String key, long personId, TimerKind kind, Instant due, String context) {
        Timer existing = timers.get(key);
        if (existing == null || due.isAfter(existing.due())) {
            timers.put(key, new Timer(key, personId, kind, due, context));
        }
    }

    @Override
    public void set(String key, long personId, TimerKind kind, Instant due, String context) {
        timers.put(key, new Timer(key, personId, kind, due, context));
    }

    @Override
    public void cancel(String key) {
        timers.remove(key);
    }

    /** Fires, in due order, every timer due at or before {@code now}; each fires once. */
    List<Trigger> advanceTo(Instant now, Detectors detectors) {
        List<Trigger> fired = new ArrayList<>();
        List<Timer> due = timers.values().stream().filter(t -> !t.due().isAfter(now))
                .sorted(Comparator.comparing(Timer::due)).toList();
        for (Timer timer : due) {
            timers.remove(timer.key());
            fired.addAll(detectors.onTimer(timer.personId(), timer.kind(), timer.due(), timer.context()));
        }
        return fired;
    }
}
