package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yilaoyixiao.guardian.AlertType;

/**
 * The guardian's detectors as plain state machines keyed by elder, with timers instead of polling: no Spring, no
 * database, so they can be unit-tested on scripted streams and moved into a stream processor (keyed state + timers)
 * unchanged. All judgement is on event time ({@link Reading#at()}); callers feed one elder's readings in event-time
 * order where they can (a batch is sorted), and the detectors ignore, for their state, a reading older than what they
 * have already seen by more than {@link DetectionSettings#lateReadingWindow()}.
 * <ul>
 *   <li>SOS, FALL (and SMOKE, reported as SOS): at once.</li>
 *   <li>WANDERING: beyond every safe zone by more than the distance — at night at once, in waking hours when outside
 *   longer than the duration (a timer covers an elder who stops sending); tighter limits with dementia; once per
 *   excursion.</li>
 *   <li>HOME_INACTIVITY: no door, water, power or motion activity for longer than the elder's normal gap, counted in
 *   waking hours only and clamped between a floor and a ceiling; a timer moved forward by each sign of life.</li>
 *   <li>DEVICE_OFFLINE: no reading from a device for the offline period; a timer per device.</li>
 * </ul>
 */
public final class Detectors {

    private final DetectionSettings settings;
    private final Map<Long, ElderState> states = new ConcurrentHashMap<>();

    public Detectors(DetectionSettings settings) {
        this.settings = settings;
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** Drops all in-memory state, as a restart does; timers (kept outside) carry what must survive. */
    public void forgetAll() {
        states.clear();
    }

    /** Elders with state in memory. */
    public int elders() {
        return states.size();
    }

    public List<Trigger> onReading(ElderProfile profile, Reading reading, Timers timers) {
        ElderState state = states.computeIfAbsent(reading.personId(), id -> new ElderState());
        List<Trigger> triggers = new ArrayList<>();
        synchronized (state) {
            switch (reading.type()) {
                case SOS -> triggers.add(new Trigger(reading.personId(), AlertType.SOS, reading.at(),
                        "SOS button pressed on " + reading.deviceId()));
                case SMOKE -> triggers.add(new Trigger(reading.personId(), AlertType.SOS, reading.at(),
                        "smoke detected by " + reading.deviceId()));
                case FALL -> triggers.add(new Trigger(reading.personId(), AlertType.FALL, reading.at(),
                        "fall detected by " + reading.deviceId()));
                case LOCATION -> wandering(profile, state, reading, timers, triggers);
                case DOOR, WATER, POWER, MOTION -> activity(profile, state, reading, timers);
                default -> {
                }
            }
        }
        timers.setNoEarlierThan("offline:" + reading.deviceId(), reading.personId(), TimerKind.DEVICE_OFFLINE,
                reading.at().plus(settings.offlineAfter()), reading.deviceId());
        return triggers;
    }

    private void wandering(ElderProfile profile, ElderState state, Reading reading, Timers timers,
                           List<Trigger> triggers) {
        if (reading.lat() == null || reading.lon() == null || profile.safeZones().isEmpty()) {
            return;
        }
        if (state.lastLocationAt != null && reading.at().isBefore(state.lastLocationAt)) {
            // an older position: the state already reflects a newer one (a late reading never moves the elder back)
            return;
        }
        state.lastLocationAt = reading.at();
        double outside = profile.safeZones().stream()
                .mapToDouble(z -> z.distanceOutside(reading.lat(), reading.lon())).min().orElse(0);
        int limit = profile.dementia() ? settings.dementiaDistance() : settings.wanderingDistance();
        String key = "wander:" + reading.personId();
        if (outside <= limit) {
            state.outsideSince = null;
            state.wanderingAlerted = false;
            timers.cancel(key);
            return;
        }
        if (state.outsideSince == null) {
            state.outsideSince = reading.at();
        }
        if (state.wanderingAlerted) {
            return;
        }
        Duration allowed = profile.dementia() ? settings.dementiaDuration() : settings.wanderingDuration();
        String where = Math.round(outside) + " m beyond the nearest safe zone";
        if (!settings.waking(reading.at())) {
            state.wanderingAlerted = true;
            timers.cancel(key);
            triggers.add(new Trigger(reading.personId(), AlertType.WANDERING, reading.at(), "outside at night, "
                    + where));
        } else if (!Duration.between(state.outsideSince, reading.at()).minus(allowed).isNegative()) {
            state.wanderingAlerted = true;
            timers.cancel(key);
            triggers.add(new Trigger(reading.personId(), AlertType.WANDERING, reading.at(), "outside since "
                    + state.outsideSince + ", " + where));
        } else {
            timers.set(key, reading.personId(), TimerKind.WANDERING, state.outsideSince.plus(allowed),
                    state.outsideSince.toString());
        }
    }

    private void activity(ElderProfile profile, ElderState state, Reading reading, Timers timers) {
        if (state.lastActivityAt != null && !reading.at().isAfter(state.lastActivityAt)) {
            return;
        }
        state.lastActivityAt = reading.at();
        timers.setNoEarlierThan("inactive:" + reading.personId(), reading.personId(), TimerKind.HOME_INACTIVITY,
                settings.addWakingTime(reading.at(), allowedGap(profile)), reading.at().toString());
    }

    /** The elder's normal gap between signs of life, clamped between the floor and the ceiling. */
    public Duration allowedGap(ElderProfile profile) {
        Duration gap = profile.normalActivityGap() == null ? settings.inactivityCeiling() : profile.normalActivityGap();
        if (gap.compareTo(settings.inactivityFloor()) < 0) {
            return settings.inactivityFloor();
        }
        return gap.compareTo(settings.inactivityCeiling()) > 0 ? settings.inactivityCeiling() : gap;
    }

    /**
     * A timer fell due. {@code context} is what the detector stored with it (the instant it counts from, or the
     * device), so a timer fired after a restart, with no state in memory, still explains itself.
     */
    public List<Trigger> onTimer(long personId, TimerKind kind, Instant due, String context) {
        ElderState state = states.computeIfAbsent(personId, id -> new ElderState());
        synchronized (state) {
            return switch (kind) {
                case HOME_INACTIVITY -> List.of(new Trigger(personId, AlertType.HOME_INACTIVITY, due,
                        "no sign of life at home since " + context));
                case WANDERING -> {
                    if (state.wanderingAlerted) {
                        yield List.of();
                    }
                    state.wanderingAlerted = true;
                    yield List.of(new Trigger(personId, AlertType.WANDERING, due, "outside since " + context
                            + " and no position back inside"));
                }
                case DEVICE_OFFLINE -> List.of(new Trigger(personId, AlertType.DEVICE_OFFLINE, due,
                        "no reading from " + context));
                case ESCALATION -> List.of();
            };
        }
    }
}
