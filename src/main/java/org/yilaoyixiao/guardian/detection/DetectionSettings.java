package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The detectors' thresholds (parameters, {@code yly.guardian.*}).
 *
 * @param zone                   the elders' local time zone, for waking hours
 * @param wakingFrom             start of the waking hours (at home and outdoors)
 * @param wakingTo               end of the waking hours
 * @param wanderingDistance      metres beyond every safe zone that count as outside
 * @param wanderingDuration      how long outside (in waking hours) before an alert
 * @param dementiaDistance       the tighter distance for an elder diagnosed with dementia
 * @param dementiaDuration       the tighter duration for an elder diagnosed with dementia
 * @param inactivityFloor        the shortest allowed gap without signs of life, whatever the routine
 * @param inactivityCeiling      the longest allowed gap, whatever the routine
 * @param lateReadingWindow      how much older than the latest location a reading may be and still move the state
 * @param offlineAfter           silence after which a device counts as offline
 * @param usualUseGrace          how long after the learned "water (power) used by" time its absence alerts
 */
public record DetectionSettings(ZoneId zone, LocalTime wakingFrom, LocalTime wakingTo, int wanderingDistance,
                                Duration wanderingDuration, int dementiaDistance, Duration dementiaDuration,
                                Duration inactivityFloor, Duration inactivityCeiling, Duration lateReadingWindow,
                                Duration offlineAfter, Duration usualUseGrace) {

    public static DetectionSettings defaults() {
        return new DetectionSettings(ZoneId.of("Asia/Shanghai"), LocalTime.of(6, 0), LocalTime.of(22, 0), 200,
                Duration.ofMinutes(45), 100, Duration.ofMinutes(20), Duration.ofHours(3), Duration.ofHours(10),
                Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofHours(1));
    }

    /** Whether an instant falls in the waking hours. */
    public boolean waking(java.time.Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return !time.isBefore(wakingFrom) && time.isBefore(wakingTo);
    }

    /** The waking time between two instants: what the inactivity timer counts. */
    public Duration wakingTimeBetween(java.time.Instant from, java.time.Instant to) {
        Duration total = Duration.ZERO;
        java.time.LocalDate day = from.atZone(zone).toLocalDate();
        java.time.LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            java.time.Instant start = day.atTime(wakingFrom).atZone(zone).toInstant();
            java.time.Instant end = day.atTime(wakingTo).atZone(zone).toInstant();
            java.time.Instant a = start.isBefore(from) ? from : start;
            java.time.Instant b = end.isAfter(to) ? to : end;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** {@code from} plus {@code gap} of waking time: the hours of the night do not count. */
    public java.time.Instant addWakingTime(java.time.Instant from, Duration gap) {
        java.time.ZonedDateTime cursor = from.atZone(zone);
        Duration left = gap;
        for (int day = 0; day < 400 && !left.isZero() && !left.isNegative(); day++) {
            java.time.ZonedDateTime start = cursor.toLocalDate().atTime(wakingFrom).atZone(zone);
            java.time.ZonedDateTime end = cursor.toLocalDate().atTime(wakingTo).atZone(zone);
            if (cursor.isBefore(start)) {
                cursor = start;
            }
            if (!cursor.isBefore(end)) {
                cursor = cursor.toLocalDate().plusDays(1).atTime(wakingFrom).atZone(zone);
                continue;
            }
            Duration today = Duration.between(cursor, end);
            if (today.compareTo(left) >= 0) {
                return cursor.plus(left).toInstant();
            }
            left = left.minus(today);
            cursor = cursor.toLocalDate().plusDays(1).atTime(wakingFrom).atZone(zone);
        }
        return cursor.toInstant();
    }
}
