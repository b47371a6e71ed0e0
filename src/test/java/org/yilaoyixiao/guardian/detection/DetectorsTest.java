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

/** The detectors on scripted streams, with scripted timers: no Spring, no database. */
class DetectorsTest {

    private static final long ELDER = 7;
    private static final SafeZone HOME = new SafeZone("家", 28.1400, 120.2900, 150);

    private final DetectionSettings settings = DetectionSettings.defaults();
    private Detectors detectors;
    private ScriptedTimers timers;
    private long seq;

    @BeforeEach
    void fresh() {
        detectors = new Detectors(settings);
        timers = new ScriptedTimers();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(DetectionSettings.defaults().zone()).toInstant();
    }

    private ElderProfile profile(boolean dementia, Duration gap) {
        return new ElderProfile(ELDER, List.of(HOME), dementia, gap);
    }

    private List<Trigger> read(ElderProfile profile, ReadingType type, String at, Double lat, Double lon) {
        return detectors.onReading(profile, new Reading("dev-" + type, ELDER, type, local(at), ++seq, lat, lon, null),
                timers);
    }

    /** A point about {@code meters} north of home's centre. */
    private static double north(int meters) {
        return HOME.lat() + meters / 111_195.0;
    }

    @Test
    void aNormalDayStaysQuiet() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        List<Trigger> all = new ArrayList<>();
        for (int hour = 6; hour < 22; hour += 2) {
            all.addAll(read(profile, ReadingType.WATER, "2026-05-04T%02d:10".formatted(hour), null, null));
            all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T%02d:15".formatted(hour), north(40), HOME.lon()));
            all.addAll(read(profile, ReadingType.HEARTBEAT, "2026-05-04T%02d:20".formatted(hour), null, null));
        }
        // an outing to the village shop (300 m) for half an hour in the afternoon
        all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T15:00", north(450), HOME.lon()));
        all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T15:30", north(450), HOME.lon()));
        all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T15:35", north(20), HOME.lon()));
        // devices keep sending heartbeats through the night; the elder sleeps
        for (int hour = 22; hour <= 30; hour += 2) {
            String at = hour < 24 ? "2026-05-04T%02d:00".formatted(hour) : "2026-05-05T%02d:00".formatted(hour - 24);
            for (String device : List.of("dev-WATER", "dev-LOCATION", "dev-HEARTBEAT")) {
                all.addAll(detectors.onReading(profile, new Reading(device, ELDER, ReadingType.HEARTBEAT, local(at),
                        ++seq, null, null, null), timers));
            }
            all.addAll(timers.advanceTo(local(at), detectors));
        }
        all.addAll(read(profile, ReadingType.WATER, "2026-05-05T06:40", null, null));
        all.addAll(timers.advanceTo(local("2026-05-05T07:00"), detectors));
        assertThat(all).isEmpty();
    }

    @Test
    void sosAndFallFireAtOnce() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        assertThat(read(profile, ReadingType.SOS, "2026-05-04T09:00", null, null))
                .extracting(Trigger::type).containsExactly(AlertType.SOS);
        assertThat(read(profile, ReadingType.FALL, "2026-05-04T09:05", null, null))
                .extracting(Trigger::type).containsExactly(AlertType.FALL);
    }

    @Test
    void wanderingInWakingHoursFiresOnceAfterTheDuration() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        List<Trigger> all = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute += 5) {
            all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T10:%02d".formatted(minute % 60)
                    .replace("10:00", minute == 60 ? "11:00" : "10:00"), north(800), HOME.lon()));
        }
        assertThat(all).hasSize(1);
        assertThat(all.get(0).type()).isEqualTo(AlertType.WANDERING);
        assertThat(all.get(0).at()).isEqualTo(local("2026-05-04T10:45"));
    }

    @Test
    void anElderWhoStopsSendingOutsideIsCaughtByTheTimerAndAtNightAtOnce() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        assertThat(read(profile, ReadingType.LOCATION, "2026-05-04T10:00", north(900), HOME.lon())).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T10:44"), detectors)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T10:46"), detectors)).extracting(Trigger::type)
                .containsExactly(AlertType.WANDERING);

        fresh();
        assertThat(read(profile, ReadingType.LOCATION, "2026-05-04T23:10", north(900), HOME.lon()))
                .extracting(Trigger::type).containsExactly(AlertType.WANDERING);
    }

    @Test
    void dementiaTightensTheLimits() {
        ElderProfile calm = profile(false, Duration.ofHours(4));
        ElderProfile dementia = profile(true, Duration.ofHours(4));
        // 150 m beyond home's edge for 25 minutes: nothing for most elders, an alert with dementia
        assertThat(read(calm, ReadingType.LOCATION, "2026-05-04T10:00", north(300), HOME.lon())).isEmpty();
        assertThat(read(calm, ReadingType.LOCATION, "2026-05-04T10:25", north(300), HOME.lon())).isEmpty();
        fresh();
        read(dementia, ReadingType.LOCATION, "2026-05-04T10:00", north(300), HOME.lon());
        assertThat(read(dementia, ReadingType.LOCATION, "2026-05-04T10:25", north(300), HOME.lon()))
                .extracting(Trigger::type).containsExactly(AlertType.WANDERING);
    }

    @Test
    void aDelayedBatchIsJudgedByWhenThingsHappened() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        // the watch had no signal; its readings of 09:00–10:00 arrive together much later
        List<Trigger> all = new ArrayList<>();
        for (String at : List.of("09:00", "09:20", "09:40", "09:50")) {
            all.addAll(read(profile, ReadingType.LOCATION, "2026-05-04T" + at, north(1200), HOME.lon()));
        }
        assertThat(all).extracting(Trigger::at).containsExactly(local("2026-05-04T09:50"));
        // and a late reading from before does not move the elder back home
        assertThat(read(profile, ReadingType.LOCATION, "2026-05-04T09:10", north(10), HOME.lon())).isEmpty();
        assertThat(read(profile, ReadingType.LOCATION, "2026-05-04T09:55", north(1300), HOME.lon())).isEmpty();
    }

    @Test
    void homeInactivityCountsWakingHoursOnlyAndIsMovedByEachSignOfLife() {
        ElderProfile profile = profile(false, Duration.ofHours(3));
        read(profile, ReadingType.WATER, "2026-05-04T08:00", null, null);
        read(profile, ReadingType.DOOR, "2026-05-04T10:00", null, null);
        assertThat(timers.advanceTo(local("2026-05-04T12:59"), detectors)).isEmpty();
        List<Trigger> fired = timers.advanceTo(local("2026-05-04T13:01"), detectors);
        assertThat(fired).extracting(Trigger::type).contains(AlertType.HOME_INACTIVITY);
        assertThat(fired.stream().filter(t -> t.type() == AlertType.HOME_INACTIVITY).findFirst().orElseThrow().at())
                .isEqualTo(local("2026-05-04T13:00"));

        // the last sign of life at 21:30: half an hour counts tonight, the rest from 06:00 — due at 08:30
        fresh();
        read(profile, ReadingType.POWER, "2026-05-04T21:30", null, null);
        assertThat(timers.timers.get("inactive:" + ELDER).due()).isEqualTo(local("2026-05-05T08:30"));
    }

    @Test
    void theGapIsTheElderOwnWithinFloorAndCeiling() {
        assertThat(detectors.allowedGap(profile(false, Duration.ofMinutes(30)))).isEqualTo(settings.inactivityFloor());
        assertThat(detectors.allowedGap(profile(false, Duration.ofHours(20)))).isEqualTo(settings.inactivityCeiling());
        assertThat(detectors.allowedGap(profile(false, Duration.ofHours(5)))).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aSilentDeviceGoesOfflineOnce() {
        ElderProfile profile = profile(false, Duration.ofHours(4));
        detectors.onReading(profile, new Reading("watch-1", ELDER, ReadingType.HEARTBEAT, local("2026-05-04T08:00"),
                1, null, null, null), timers);
        detectors.onReading(profile, new Reading("watch-1", ELDER, ReadingType.HEARTBEAT, local("2026-05-04T09:00"),
                2, null, null, null), timers);
        assertThat(timers.advanceTo(local("2026-05-04T14:59"), detectors)).isEmpty();
        assertThat(timers.advanceTo(local("2026-05-04T15:01"), detectors)).extracting(Trigger::type)
                .containsExactly(AlertType.DEVICE_OFFLINE);
        assertThat(timers.advanceTo(local("2026-05-05T15:01"), detectors)).isEmpty();
    }
}
