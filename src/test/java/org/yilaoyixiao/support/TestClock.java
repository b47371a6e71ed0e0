package org.yilaoyixiao.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can move, so that time-dependent rules are tested without sleeping. */
public class TestClock extends Clock {

    private volatile Instant offsetBase = Instant.EPOCH;
    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves time forward (or back) relative to real time. */
    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    /** Back to real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        TestClock copy = new TestClock(newZone) {
            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
        return copy;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
