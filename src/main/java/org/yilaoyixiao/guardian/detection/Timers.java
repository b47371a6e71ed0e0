package org.yilaoyixiao.guardian.detection;

import java.time.Instant;

/**
 * Where detectors keep their timers. The platform keeps them in the database (they survive restarts and fire once);
 * a stream processor would use its keyed timer service; tests use a map.
 */
public interface Timers {

    /** Sets the timer, or moves it to {@code due} if that is later than its current due time. */
    void setNoEarlierThan(String key, long personId, TimerKind kind, Instant due, String context);

    /** Sets the timer to exactly {@code due}, replacing any earlier setting. */
    void set(String key, long personId, TimerKind kind, Instant due, String context);

    void cancel(String key);
}
