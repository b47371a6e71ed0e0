package org.yilaoyixiao.guardian.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learning a routine from a scripted fortnight: home where days begin and end, the market as a place safe only in
 * its hours, the market trip as a usual outing, active hours, the morning water habit — and a one-off night trip in
 * the history that must become neither a place, nor an usual hour, nor part of an outing.
 */
class RoutineLearnerTest {

    private static final double HOME_LAT = 28.2000;
    private static final double HOME_LON = 120.1000;
    private static final LocalDate FIRST = LocalDate.of(2026, 5, 1);
    private final DetectionSettings settings = DetectionSettings.defaults();
    private final List<Reading> history = new ArrayList<>();
    private long seq;

    private Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(settings.zone()).toInstant();
    }

    private void position(LocalDate day, int hour, int minute, int metresNorth) {
        history.add(new Reading("watch", 1, ReadingType.LOCATION, at(day, hour, minute), ++seq,
                HOME_LAT + metresNorth / 111_195.0, HOME_LON, null));
    }

    private void use(LocalDate day, int hour, int minute, ReadingType type, Double value) {
        history.add(new Reading("meter", 1, type, at(day, hour, minute), ++seq, null, null, value));
    }

    @Test
    void learnsHomePlacesHoursHabitsAndOutingsAndIgnoresAOneOff() {
        for (int d = 0; d < 14; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (int minute = 6 * 60; minute < 21 * 60; minute += 20) {
                boolean market = minute >= 7 * 60 + 20 && minute < 8 * 60 + 40;
                position(day, minute / 60, minute % 60, market ? 900 + d % 3 * 10 : d % 4 * 10);
            }
            use(day, 6, 30 + d % 3 * 10, ReadingType.WATER, 12.0);
            use(day, 12, 0, ReadingType.WATER, 8.0);
            for (int hour = 9; hour <= 20; hour += 2) {
                use(day, hour, 15, ReadingType.DOOR, null);
            }
        }
        // once, at 3 a.m., far away
        LocalDate odd = FIRST.plusDays(5);
        for (int minute = 0; minute <= 60; minute += 20) {
            position(odd, 3 + minute / 60, minute % 60, 3000);
        }

        LearnedRoutine routine = new RoutineLearner(settings, 3).learn(history);

        assertThat(routine.days()).isEqualTo(14);
        SafeZone home = routine.home();
        assertThat(home).isNotNull();
        assertThat(SafeZone.haversine(home.lat(), home.lon(), HOME_LAT, HOME_LON)).isLessThan(30);
        assertThat(home.hours()).isEqualTo(SafeZone.ALL_HOURS);
        assertThat(routine.places()).hasSize(2);
        SafeZone market = routine.places().get(1);
        assertThat(market.source()).isEqualTo(SafeZone.Source.LEARNED_PLACE);
        assertThat(SafeZone.haversine(market.lat(), market.lon(), HOME_LAT + 910 / 111_195.0, HOME_LON))
                .isLessThan(30);
        assertThat(market.safeAt(8)).isTrue();
        assertThat(market.safeAt(3)).isFalse();
        assertThat(market.safeAt(14)).isFalse();

        assertThat(routine.outings()).singleElement().satisfies(o -> {
            assertThat(o.place()).isEqualTo(market.name());
            assertThat(o.covers(7 * 60 + 30)).isTrue();
            assertThat(o.covers(8 * 60 + 30)).isTrue();
            assertThat(o.covers(3 * 60)).isFalse();
            assertThat(o.rangeMeters()).isBetween(900, 1000);
            assertThat(o.days()).isEqualTo(14);
        });

        ElderProfile profile = new ElderProfile(1, routine.places(), false, routine.normalActivityGap(),
                routine.activeHours(), routine.outings(), routine.waterByMinute(), routine.powerByMinute());
        assertThat(profile.activeAt(7)).isTrue();
        assertThat(profile.activeAt(20)).isTrue();
        assertThat(profile.activeAt(3)).as("one night out of fourteen is not a habit").isFalse();
        assertThat(routine.activeHourDays()[3]).isEqualTo(1);

        // water first used 06:30–06:50 every day: usually used by 07:00; no power meter, no power habit
        assertThat(routine.waterByMinute()).isEqualTo(7 * 60);
        assertThat(routine.powerByMinute()).isNull();
        assertThat(routine.waterCurve()[6]).isEqualTo(12.0);
        assertThat(routine.waterCurve()[12]).isEqualTo(20.0);
        assertThat(routine.waterCurve()[23]).isEqualTo(20.0);

        // the longest waking-time gap: from 06:00 to the first water (≤ 50 min) or the evening door at 19:15 to
        // the next morning's water (2 h 45 min + ≤ 50 min) — at most 3 h 35 min, plus a quarter
        assertThat(routine.normalActivityGap()).isBetween(Duration.ofMinutes(200), Duration.ofMinutes(270));
    }

    @Test
    void withOnlyAWatchThePlacesAreLearnedButNotTheHours() {
        for (int d = 0; d < 7; d++) {
            for (int minute = 6 * 60; minute < 21 * 60; minute += 20) {
                boolean market = minute >= 7 * 60 + 20 && minute < 8 * 60 + 40;
                position(FIRST.plusDays(d), minute / 60, minute % 60, market ? 900 : 0);
            }
        }
        LearnedRoutine routine = new RoutineLearner(settings, 3).learn(history);
        assertThat(routine.places()).hasSize(2);
        assertThat(routine.outings()).hasSize(1);
        // the hours away (7–8) alone are not the elder's day: the waking hours keep applying
        assertThat(routine.activeHours()).isZero();
        assertThat(routine.activeHourDays()[7]).isEqualTo(7);
    }

    @Test
    void tooLittleHistoryLearnsNothingButTheCurves() {
        use(FIRST, 7, 0, ReadingType.WATER, 5.0);
        position(FIRST, 7, 0, 0);
        use(FIRST.plusDays(1), 7, 0, ReadingType.WATER, 5.0);
        LearnedRoutine routine = new RoutineLearner(settings, 3).learn(history);
        assertThat(routine.days()).isEqualTo(2);
        assertThat(routine.places()).isEmpty();
        assertThat(routine.activeHours()).isZero();
        assertThat(routine.waterByMinute()).isNull();
        assertThat(routine.normalActivityGap()).isNull();
        assertThat(routine.waterCurve()[7]).isEqualTo(5.0);
    }
}
