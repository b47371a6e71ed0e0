package org.yilaoyixiao.guardian.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.guardian.AlertType;

/**
 * The detectors with a learned routine, on scripted streams: the morning market is a usual outing (quiet), the same
 * trip at 3 a.m. alerts at once, a trip at an unusual time of day alerts after the duration; no water by the learned
 * time plus the grace alerts once; a normal day stays quiet.
 */
class RoutineDetectionTest {

    private static final long ELDER = 11;
    private static final double HOME_LAT = 28.1400;
    private static final double HOME_LON = 120.2900;
    private static final SafeZone HOME = new SafeZone(RoutineLearner.HOME, HOME_LAT, HOME_LON, 100,
            SafeZone.Source.LEARNED_HOME, SafeZone.ALL_HOURS);
    /** The morning market, 900 m north, usually visited 07:00–09:00 (widened to 06:00–10:00). */
    private static final SafeZone MARKET = new SafeZone("place-1", north(900), HOME_LON, 100,
            SafeZone.Source.LEARNED_PLACE, RoutineLearner.widen(1 << 7 | 1 << 8));
    /** Up and about 06:00–21:59, widened to 05:00–22:59. */
    private static final int ACTIVE = RoutineLearner.widen(hours(6, 22));
    private static final Outing MARKET_TRIP = new Outing("place-1", 6 * 60 + 55, 9 * 60 + 15, 920, 12);

    private final DetectionSettings settings = DetectionSettings.defaults();
    private Detectors detectors;
    private ScriptedTimers timers;
    private long seq;

    @BeforeEach
    void fresh() {
        detectors = new Detectors(settings);
        timers = new ScriptedTimers();
    }

    private static int hours(int from, int to) {
        int mask = 0;
        for (int h = from; h < to; h++) {
            mask |= 1 << h;
        }
        return mask;
    }

    private static double north(int meters) {
        return HOME_LAT + meters / 111_195.0;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(DetectionSettings.defaults().zone()).toInstant();
    }

    private ElderProfile learned(Integer waterBy) {
        return new ElderProfile(ELDER, List.of(HOME, MARKET), false, Duration.ofHours(5), ACTIVE,
                List.of(MARKET_TRIP), waterBy, null);
    }

    private List<Trigger> at(ElderProfile profile, String when, int metresNorth) {
        return detectors.onReading(profile, new Reading("watch", ELDER, ReadingType.LOCATION, local(when), ++seq,
                north(metresNorth), HOME_LON, null), timers);
    }

    private List<Trigger> use(ElderProfile profile, ReadingType type, String when) {
        return detectors.onReading(profile, new Reading("meter-" + type, ELDER, type, local(when), ++seq, null, null,
                null), timers);
    }

    private List<Trigger> heartbeats(ElderProfile profile, String when) {
        List<Trigger> all = new ArrayList<>();
        for (String device : List.of("meter-WATER", "meter-POWER", "meter-DOOR", "meter-MOTION")) {
            all.addAll(detectors.onReading(profile, new Reading(device, ELDER, ReadingType.HEARTBEAT, local(when),
                    ++seq, null, null, null), timers));
        }
        return all;
    }

    private static List<Trigger> homeInactivity(List<Trigger> triggers) {
        return triggers.stream().filter(t -> t.type() == AlertType.HOME_INACTIVITY).toList();
    }

    @Test
    void theUsualMarketTripStaysQuietAndTheSameTripAtThreeInTheMorningAlertsAtOnce() {
        ElderProfile profile = learned(null);
        List<Trigger> morning = new ArrayList<>();
        // on the way (500 m: outside every zone, but inside the usual outing's window and range), at the market, home
        morning.addAll(at(profile, "2026-05-04T07:05", 20));
        morning.addAll(at(profile, "2026-05-04T07:15", 500));
        for (String when : List.of("07:25", "07:45", "08:05", "08:25", "08:45")) {
            morning.addAll(at(profile, "2026-05-04T" + when, 900));
        }
        morning.addAll(at(profile, "2026-05-04T08:55", 500));
        morning.addAll(at(profile, "2026-05-04T09:05", 10));
        morning.addAll(timers.advanceTo(local("2026-05-04T12:00"), detectors));
        assertThat(morning).isEmpty();

        List<Trigger> night = at(profile, "2026-05-05T03:00", 900);
        assertThat(night).extracting(Trigger::type).containsExactly(AlertType.WANDERING);
        assertThat(night.get(0).details()).contains("unusual hour");
        // once per excursion
        assertThat(at(profile, "2026-05-05T03:20", 900)).isEmpty();
    }

    @Test
    void theSameTripAtAnUnusualTimeOfDayIsNotCoveredByTheOuting() {
        ElderProfile profile = learned(null);
        // 13:00: waking and active, but neither the market's hours nor the outing's window
        assertThat(at(profile, "2026-05-04T13:00", 900)).isEmpty();
        assertThat(at(profile, "2026-05-04T13:30", 900)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T13:44"), detectors)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T13:46"), detectors)).extracting(Trigger::type)
                .containsExactly(AlertType.WANDERING);
    }

    @Test
    void anOutingThatGoesFartherOrLastsLongerThanUsualAlerts() {
        ElderProfile profile = learned(null);
        // twice as far as the market, inside the usual window: not the usual outing
        assertThat(at(profile, "2026-05-04T07:20", 1800)).isEmpty();
        assertThat(at(profile, "2026-05-04T08:10", 1800)).extracting(Trigger::type)
                .containsExactly(AlertType.WANDERING);

        // on the way to the market but not back by the usual return (09:15) plus the allowance: the timer fires
        fresh();
        assertThat(at(profile, "2026-05-04T08:50", 500)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T09:59"), detectors)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T10:01"), detectors)).extracting(Trigger::type)
                .containsExactly(AlertType.WANDERING);
    }

    @Test
    void noWaterByTheLearnedTimeAlertsOnce() {
        ElderProfile profile = learned(8 * 60);
        // a normal day: water at 06:40, signs of life until the evening
        use(profile, ReadingType.WATER, "2026-05-04T06:40");
        for (String when : List.of("09:00", "12:00", "15:00", "18:00", "21:00")) {
            use(profile, ReadingType.DOOR, "2026-05-04T" + when);
        }
        // the next morning the door opens, but no water by 09:00 (usually by 08:00, an hour's grace)
        use(profile, ReadingType.DOOR, "2026-05-05T06:30");
        use(profile, ReadingType.MOTION, "2026-05-05T08:30");
        assertThat(homeInactivity(timers.advanceTo(local("2026-05-05T08:59"), detectors))).isEmpty();
        List<Trigger> fired = homeInactivity(timers.advanceTo(local("2026-05-05T09:01"), detectors));
        assertThat(fired).extracting(Trigger::type).containsExactly(AlertType.HOME_INACTIVITY);
        assertThat(fired.get(0).at()).isEqualTo(local("2026-05-05T09:00"));
        assertThat(fired.get(0).details()).contains("no water").contains("08:00");
        // once: more signs of life but still no water do not fire it again that day
        use(profile, ReadingType.DOOR, "2026-05-05T10:30");
        use(profile, ReadingType.DOOR, "2026-05-05T13:00");
        assertThat(homeInactivity(timers.advanceTo(local("2026-05-05T16:00"), detectors))).isEmpty();
    }

    @Test
    void aNormalDayWithTheLearnedRoutineStaysQuiet() {
        ElderProfile profile = learned(8 * 60);
        List<Trigger> all = new ArrayList<>();
        for (String day : List.of("2026-05-04", "2026-05-05", "2026-05-06")) {
            all.addAll(at(profile, day + "T06:05", 10));
            all.addAll(use(profile, ReadingType.WATER, day + "T06:35"));
            all.addAll(use(profile, ReadingType.POWER, day + "T06:50"));
            all.addAll(at(profile, day + "T07:15", 450));
            all.addAll(at(profile, day + "T07:40", 900));
            all.addAll(at(profile, day + "T08:20", 900));
            all.addAll(at(profile, day + "T08:50", 10));
            all.addAll(heartbeats(profile, day + "T00:30"));
            for (String when : List.of("04:00", "10:00", "12:30", "15:00", "17:30", "20:00")) {
                all.addAll(heartbeats(profile, day + "T" + when));
            }
            for (String when : List.of("10:00", "12:30", "15:00", "17:30", "20:00")) {
                all.addAll(use(profile, ReadingType.DOOR, day + "T" + when));
                all.addAll(at(profile, day + "T" + when, 20));
            }
            all.addAll(timers.advanceTo(local(day + "T23:59"), detectors));
        }
        all.addAll(timers.advanceTo(local("2026-05-07T01:00"), detectors));
        assertThat(all).isEmpty();
    }
}
