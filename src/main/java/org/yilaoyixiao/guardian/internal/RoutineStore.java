package org.yilaoyixiao.guardian.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.guardian.detection.LearnedRoutine;
import org.yilaoyixiao.guardian.detection.Outing;
import org.yilaoyixiao.guardian.detection.SafeZone;

/** Learned routines in {@code guardian.routine_*}: replaced whole on each relearn, read when a profile is loaded. */
@Repository
class RoutineStore {

    record Stored(LearnedRoutine routine, Instant learnedAt, int historyDays) {
    }

    private final JdbcClient jdbc;

    RoutineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the elder's stored routine, in the caller's transaction. */
    void save(long personId, LearnedRoutine routine, Instant learnedAt, int historyDays) {
        jdbc.sql("delete from guardian.routine_profile where person_id = :p").param("p", personId).update();
        jdbc.sql("""
                        insert into guardian.routine_profile (person_id, learned_at, history_days, days,
                            normal_gap_seconds, active_hour_days, active_hours, water_curve, power_curve,
                            water_by_minute, power_by_minute)
                        values (:p, :at, :history, :days, :gap, :hourDays, :hours, :water, :power, :waterBy, :powerBy)
                        """).param("p", personId).param("at", OffsetDateTime.ofInstant(learnedAt, ZoneOffset.UTC))
                .param("history", historyDays).param("days", routine.days())
                .param("gap", routine.normalActivityGap() == null ? null
                        : (int) routine.normalActivityGap().toSeconds())
                .param("hourDays", java.util.Arrays.stream(routine.activeHourDays()).boxed().toArray(Integer[]::new))
                .param("hours", routine.activeHours())
                .param("water", java.util.Arrays.stream(routine.waterCurve()).boxed().toArray(Double[]::new))
                .param("power", java.util.Arrays.stream(routine.powerCurve()).boxed().toArray(Double[]::new))
                .param("waterBy", routine.waterByMinute()).param("powerBy", routine.powerByMinute()).update();
        int ordinal = 0;
        for (SafeZone place : routine.places()) {
            jdbc.sql("""
                            insert into guardian.routine_place (person_id, ordinal, name, kind, lat, lon, radius_meters,
                                hours) values (:p, :o, :name, :kind, :lat, :lon, :radius, :hours)
                            """).param("p", personId).param("o", ordinal++).param("name", place.name())
                    .param("kind", place.source().name()).param("lat", place.lat()).param("lon", place.lon())
                    .param("radius", place.radiusMeters()).param("hours", place.hours()).update();
        }
        ordinal = 0;
        for (Outing outing : routine.outings()) {
            jdbc.sql("""
                            insert into guardian.routine_outing (person_id, ordinal, place, from_minute, to_minute,
                                range_meters, days) values (:p, :o, :place, :from, :to, :range, :days)
                            """).param("p", personId).param("o", ordinal++).param("place", outing.place())
                    .param("from", outing.fromMinute()).param("to", outing.toMinute())
                    .param("range", outing.rangeMeters()).param("days", outing.days()).update();
        }
    }

    Optional<Stored> find(long personId) {
        List<SafeZone> places = jdbc.sql("""
                        select name, lat::float8, lon::float8, radius_meters, kind, hours from guardian.routine_place
                        where person_id = :p order by ordinal""").param("p", personId)
                .query((rs, i) -> new SafeZone(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4),
                        SafeZone.Source.valueOf(rs.getString(5)), rs.getInt(6))).list();
        List<Outing> outings = jdbc.sql("""
                        select place, from_minute, to_minute, range_meters, days from guardian.routine_outing
                        where person_id = :p order by ordinal""").param("p", personId)
                .query((rs, i) -> new Outing(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5))).list();
        return jdbc.sql("""
                        select learned_at, history_days, days, normal_gap_seconds, active_hour_days, active_hours,
                            water_curve, power_curve, water_by_minute, power_by_minute
                        from guardian.routine_profile where person_id = :p""").param("p", personId)
                .query((rs, i) -> new Stored(new LearnedRoutine(rs.getInt(3),
                        rs.getObject(4) == null ? null : Duration.ofSeconds(rs.getInt(4)), places,
                        ints(rs.getArray(5)), rs.getInt(6), doubles(rs.getArray(7)), doubles(rs.getArray(8)),
                        integer(rs, 9), integer(rs, 10), outings),
                        rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2))).optional();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static int[] ints(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).intValue();
        }
        return result;
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }
}
