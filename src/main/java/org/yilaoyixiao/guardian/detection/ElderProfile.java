package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.util.List;

/**
 * What the detectors know of an elder's routine. Kept small (a few hundred bytes), so the profiles of 100,000 elders
 * fit in memory beside their state.
 *
 * @param safeZones         the manual safe zones and the learned ones (home first among the learned; see
 *                          {@link SafeZone#source()}): a learned place is safe only in its usual hours
 * @param dementia          an assessment diagnosed dementia: tighter wandering limits
 * @param normalActivityGap the longest normal gap between signs of life at home, learned
 * @param activeHours       bit {@code h} set when the elder is usually up and about in local hour {@code h}; 0 while
 *                          nothing is learned (then the configured waking hours apply)
 * @param outings           usual outings (time windows away from home)
 * @param waterByMinute     local minute of the day by which the elder has used water on (nearly) every learned day, or
 *                          null when there is no such habit
 * @param powerByMinute     the same for power
 */
public record ElderProfile(long personId, List<SafeZone> safeZones, boolean dementia, Duration normalActivityGap,
                           int activeHours, List<Outing> outings, Integer waterByMinute, Integer powerByMinute) {

    public ElderProfile {
        safeZones = List.copyOf(safeZones);
        outings = List.copyOf(outings);
    }

    /** A profile with manual safe zones only and nothing learned but the gap. */
    public ElderProfile(long personId, List<SafeZone> safeZones, boolean dementia, Duration normalActivityGap) {
        this(personId, safeZones, dementia, normalActivityGap, 0, List.of(), null, null);
    }

    /** The learned home, if any. */
    public SafeZone home() {
        for (SafeZone zone : safeZones) {
            if (zone.source() == SafeZone.Source.LEARNED_HOME) {
                return zone;
            }
        }
        return null;
    }

    public boolean hoursLearned() {
        return activeHours != 0;
    }

    public boolean activeAt(int hour) {
        return (activeHours >> hour & 1) != 0;
    }
}
