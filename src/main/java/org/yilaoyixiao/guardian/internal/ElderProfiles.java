package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.assessment.CapabilityLevels;
import org.yilaoyixiao.guardian.detection.ElderProfile;
import org.yilaoyixiao.guardian.detection.LearnedRoutine;
import org.yilaoyixiao.guardian.detection.SafeZone;

/**
 * Each elder's profile for the detectors: the manual safe zones, a dementia diagnosis from the latest assessment, and
 * the routine learned from their history ({@link RoutineLearning}, stored in {@code guardian.routine_*}): learned home
 * and places as safe zones, active hours, outings, water and power habits and the normal gap between signs of life
 * (the default gap until something is learned). Cached for ten minutes in a cache bounded to
 * {@code yly.guardian.profile-cache-size} elders (least recently used out first); a change of safe zones or a relearn
 * refreshes it.
 */
@Service
class ElderProfiles {

    private static final Duration TTL = Duration.ofMinutes(10);

    private record Cached(ElderProfile profile, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final CapabilityLevels levels;
    private final GuardianSettings settings;
    private final RoutineStore routines;
    private final Clock clock;
    private final int capacity;
    private final Map<Long, Cached> cache;

    ElderProfiles(JdbcClient jdbc, CapabilityLevels levels, GuardianSettings settings, RoutineStore routines,
                  Clock clock, @Value("${yly.guardian.profile-cache-size:100000}") int capacity) {
        this.jdbc = jdbc;
        this.levels = levels;
        this.settings = settings;
        this.routines = routines;
        this.clock = clock;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
                return size() > ElderProfiles.this.capacity;
            }
        };
    }

    ElderProfile profile(long personId) {
        Instant now = clock.instant();
        Cached cached;
        synchronized (cache) {
            cached = cache.get(personId);
        }
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
            return cached.profile();
        }
        ElderProfile profile = load(personId);
        synchronized (cache) {
            cache.put(personId, new Cached(profile, now));
        }
        return profile;
    }

    void forget(long personId) {
        synchronized (cache) {
            cache.remove(personId);
        }
    }

    /** Profiles in the cache (never more than the capacity). */
    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private ElderProfile load(long personId) {
        List<SafeZone> zones = new ArrayList<>(safeZones(personId));
        boolean dementia = levels.diagnosedWithDementia(personId);
        LearnedRoutine routine = routines.find(personId).map(RoutineStore.Stored::routine).orElse(null);
        if (routine == null) {
            return new ElderProfile(personId, zones, dementia, settings.activityGapWithoutHistory());
        }
        zones.addAll(routine.places());
        return new ElderProfile(personId, zones, dementia, routine.normalActivityGap() == null
                ? settings.activityGapWithoutHistory() : routine.normalActivityGap(), routine.activeHours(),
                routine.outings(), routine.waterByMinute(), routine.powerByMinute());
    }

    /** The manual safe zones. */
    List<SafeZone> safeZones(long personId) {
        return jdbc.sql("select name, lat, lon, radius_meters from guardian.safe_zone where person_id = :p order by id")
                .param("p", personId)
                .query((rs, i) -> new SafeZone(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4)))
                .list();
    }
}
