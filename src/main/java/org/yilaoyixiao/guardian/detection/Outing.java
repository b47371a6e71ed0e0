package org.yilaoyixiao.guardian.detection;

/**
 * A usual outing: a recurring window of the day in which the elder is away from home (the morning market, the
 * afternoon walk), learned from the days of history, and how far from home it usually goes. Being away inside the
 * window and the range is part of the routine, not wandering.
 *
 * @param place       the learned place it usually goes to, or empty
 * @param fromMinute  local minute of the day the window opens (0–1439)
 * @param toMinute    local minute of the day it closes (after {@code fromMinute})
 * @param rangeMeters how far from home's centre it usually goes
 * @param days        on how many of the learned days it happened
 */
public record Outing(String place, int fromMinute, int toMinute, int rangeMeters, int days) {

    public boolean covers(int minuteOfDay) {
        return minuteOfDay >= fromMinute && minuteOfDay <= toMinute;
    }
}
