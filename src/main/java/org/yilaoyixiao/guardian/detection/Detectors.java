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
 *   <li>WANDERING: beyond every safe zone that is safe at that hour by more than the distance — at once at an hour
 *   the elder is not usually up (their learned active hours, else the waking hours) unless on a usual outing; else
 *   when outside longer than the duration, or than the usual return of the outing it belongs to (a timer covers an
 *   elder who stops sending); tighter limits with dementia; once per excursion.</li>
 *   <li>HOME_INACTIVITY: no door, water, power or motion activity for longer than the elder's normal gap, counted in
 *   waking hours only and clamped between a floor and a ceiling; a timer moved forward by each sign of life. And no
 *   water (power) by the time the elder has used it on every learned day, plus a grace.</li>
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
        java.time.ZonedDateTime local = reading.at().atZone(settings.zone());
        int hour = local.getHour();
        // a learned place (the market) is safe only in the hours the elder is usually there; home and manual zones always
        double outside = profile.safeZones().stream().filter(z -> z.safeAt(hour))
                .mapToDouble(z -> z.distanceOutside(reading.lat(), reading.lon())).min().orElse(Double.MAX_VALUE);
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
        String where = outside == Double.MAX_VALUE ? "outside every safe zone"
                : Math.round(outside) + " m beyond the nearest safe zone";
        Outing outing = usualOuting(profile, local, reading, limit);
        boolean usualHour = profile.hoursLearned() ? profile.activeAt(hour) : settings.waking(reading.at());
        Instant deadline = state.outsideSince.plus(allowed);
        if (outing != null) {
            // on a usual outing: away is normal until the outing's usual return, then the usual allowance
            Instant usualReturn = local.toLocalDate().atStartOfDay(settings.zone()).plusMinutes(outing.toMinute())
                    .toInstant().plus(allowed);
            deadline = usualReturn.isAfter(deadline) ? usualReturn : deadline;
        }
        if (!usualHour && outing == null) {
            state.wanderingAlerted = true;
            timers.cancel(key);
            triggers.add(new Trigger(reading.personId(), AlertType.WANDERING, reading.at(),
                    (profile.hoursLearned() ? "outside at an unusual hour for this elder, " : "outside at night, ")
                            + where));
        } else if (!reading.at().isBefore(deadline)) {
            state.wanderingAlerted = true;
            timers.cancel(key);
            triggers.add(new Trigger(reading.personId(), AlertType.WANDERING, reading.at(), "outside since "
                    + state.outsideSince + ", " + where));
        } else {
            timers.set(key, reading.personId(), TimerKind.WANDERING, deadline, state.outsideSince.toString());
        }
    }

    /** The usual outing this position is part of: inside its window of the day and within its range of home. */
    private static Outing usualOuting(ElderProfile profile, java.time.ZonedDateTime local, Reading reading,
                                      int limit) {
        SafeZone home = profile.home();
        if (home == null || profile.outings().isEmpty()) {
            return null;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        double fromHome = SafeZone.haversine(home.lat(), home.lon(), reading.lat(), reading.lon());
        for (Outing outing : profile.outings()) {
            if (outing.covers(minute) && fromHome <= outing.rangeMeters() + limit) {
                return outing;
            }
        }
        return null;
    }

    private void activity(ElderProfile profile, ElderState state, Reading reading, Timers timers) {
        usualUse(profile, reading, timers);
        if (state.lastActivityAt != null && !reading.at().isAfter(state.lastActivityAt)) {
            return;
        }
        state.lastActivityAt = reading.at();
        timers.setNoEarlierThan("inactive:" + reading.personId(), reading.personId(), TimerKind.HOME_INACTIVITY,
                settings.addWakingTime(reading.at(), allowedGap(profile)), reading.at().toString());
    }

    /**
     * Water (power) used today: tomorrow's expectation is "used by the learned time", so its timer moves to tomorrow's
     * learned time plus the grace. A day without use by then finds the timer due: no water by late morning.
     */
    private void usualUse(ElderProfile profile, Reading reading, Timers timers) {
        Integer by = reading.type() == ReadingType.WATER ? profile.waterByMinute()
                : reading.type() == ReadingType.POWER ? profile.powerByMinute() : null;
        if (by == null) {
            return;
        }
        Instant due = reading.at().atZone(settings.zone()).toLocalDate().plusDays(1).atStartOfDay(settings.zone())
                .plusMinutes(by).toInstant().plus(settings.usualUseGrace());
        timers.setNoEarlierThan("usual:" + reading.type() + ":" + reading.personId(), reading.personId(),
                TimerKind.USUAL_USE_MISSED, due, reading.type() + "@" + by);
    }

    /** The elder's normal gap between signs of life, clamped between the floor and the ceiling. */
    public Duration allowedGap(ElderProfile profile) {
        Duration gap = profile.normalActivityGap() == null ? settings.inactivityCeiling() : profile.normalActivityGap();
        if (gap.compareTo(settings.inactivityFloor()) < 0) {
            return settings.inactivityFloor();
        }
        return gap.compareTo(settings.inactivityCeiling()) > 0 ? settings.inactivityCeiling() : gap;
    }

    /** "WATER@540" → "no water used by 10:00 (usually by 09:00)". */
    private String usualUseMissed(String context) {
        int at = context.indexOf('@');
        String what = at < 0 ? context : context.substring(0, at);
        int by = at < 0 ? 0 : Integer.parseInt(context.substring(at + 1));
        java.time.LocalTime usual = java.time.LocalTime.MIN.plusMinutes(by);
        return "no " + what.toLowerCase(java.util.Locale.ROOT) + " used by " + usual.plus(settings.usualUseGrace())
                + " (usually by " + usual + ")";
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
                case USUAL_USE_MISSED -> List.of(new Trigger(personId, AlertType.HOME_INACTIVITY, due,
                        usualUseMissed(context)));
                case ESCALATION -> List.of();
            };
        }
    }
}
