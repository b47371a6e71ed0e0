package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.assessment.CapabilityLevels;
import org.yilaoyixiao.guardian.detection.ElderProfile;
import org.yilaoyixiao.guardian.detection.SafeZone;

/**
 * Each elder's routine profile for the detectors: the safe zones, a dementia diagnosis from the latest assessment,
 * and the normal gap between signs of life at home, learned from the last 14 days (the longest gap within a day,
 * plus a quarter) once at least three days are known. Cached for ten minutes; a change of safe zones refreshes it.
 */
@Service
class ElderProfiles {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final int HISTORY_DAYS = 14;
    private static final int MIN_DAYS = 3;

    private record Cached(ElderProfile profile, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final CapabilityLevels levels;
    private final GuardianSettings settings;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    ElderProfiles(JdbcClient jdbc, CapabilityLevels levels, GuardianSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.levels = levels;
        this.settings = settings;
        this.clock = clock;
    }

    ElderProfile profile(long personId) {
        Instant now = clock.instant();
        Cached cached = cache.get(personId);
        if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
            return cached.profile();
        }
        ElderProfile profile = new ElderProfile(personId, safeZones(personId), levels.diagnosedWithDementia(personId),
                learnedGap(personId, now));
        cache.put(personId, new Cached(profile, now));
        return profile;
    }

    void forget(long personId) {
        cache.remove(personId);
    }

    List<SafeZone> safeZones(long personId) {
        return jdbc.sql("select name, lat, lon, radius_meters from guardian.safe_zone where person_id = :p order by id")
                .param("p", personId)
                .query((rs, i) -> new SafeZone(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4)))
                .list();
    }

    /** The longest gap between signs of life within one local day over the history, plus a quarter. */
    Duration learnedGap(long personId, Instant now) {
        record Learned(Double seconds, int days) {
        }
        Learned learned = jdbc.sql("""
                        select max(gap) filter (where day = prev_day), count(distinct day) from (
                            select extract(epoch from r.at - lag(r.at) over (order by r.at)) as gap,
                                   (r.at at time zone 'Asia/Shanghai')::date as day,
                                   (lag(r.at) over (order by r.at) at time zone 'Asia/Shanghai')::date as prev_day
                            from guardian.reading r join guardian.device d on d.device_id = r.device_id
                            where d.person_id = :p and r.type in ('DOOR', 'WATER', 'POWER', 'MOTION')
                              and r.at >= :since and r.at <= :now) gaps
                        """).param("p", personId)
                .param("since", OffsetDateTime.ofInstant(now.minus(Duration.ofDays(HISTORY_DAYS)), ZoneOffset.UTC))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, i) -> new Learned(rs.getBigDecimal(1) == null ? null : rs.getBigDecimal(1).doubleValue(),
                        rs.getInt(2))).single();
        if (learned.seconds() == null || learned.days() < MIN_DAYS) {
            return settings.activityGapWithoutHistory();
        }
        return Duration.ofSeconds(Math.round(learned.seconds() * 1.25));
    }
}
