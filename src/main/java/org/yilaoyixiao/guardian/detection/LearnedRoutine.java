package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.util.List;

/**
 * An elder's routine as learned from their history by {@link RoutineLearner}.
 *
 * @param days              the local days of history learned from (days with any reading)
 * @param normalActivityGap the longest gap between signs of life within a day plus a quarter, or null (too few days)
 * @param places            learned places, home first when known ({@link SafeZone.Source#LEARNED_HOME})
 * @param activeHourDays    for each local hour 0–23, on how many days the elder was active in it
 * @param activeHours       the usual active hours as a bit mask (see {@link ElderProfile#activeHours()}), 0 when unknown
 * @param waterCurve        for each hour 0–23, the mean cumulative water use by the end of that hour over the days
 *                          (litres where meters report them, else uses)
 * @param powerCurve        the same for power (kWh or uses)
 * @param waterByMinute     minute of the day by which water was used on (nearly) every day, or null
 * @param powerByMinute     the same for power
 * @param outings           usual outings away from home
 */
public record LearnedRoutine(int days, Duration normalActivityGap, List<SafeZone> places, int[] activeHourDays,
                             int activeHours, double[] waterCurve, double[] powerCurve, Integer waterByMinute,
                             Integer powerByMinute, List<Outing> outings) {

    public LearnedRoutine {
        places = List.copyOf(places);
        outings = List.copyOf(outings);
    }

    public SafeZone home() {
        return places.stream().filter(p -> p.source() == SafeZone.Source.LEARNED_HOME).findFirst().orElse(null);
    }
}
