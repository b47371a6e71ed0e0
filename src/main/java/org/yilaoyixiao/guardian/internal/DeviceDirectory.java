package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices and who wears or has them; looked up on every reading, so cached (a device is bound once). */
@Repository
class DeviceDirectory {

    record Device(String deviceId, DeviceType type, long personId, String divisionCode, Instant lastSeenAt,
                  boolean offline) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Device> cache = new ConcurrentHashMap<>();

    DeviceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean register(String deviceId, DeviceType type, long personId, String divisionCode, String actor) {
        int inserted = jdbc.sql("""
                        insert into guardian.device (device_id, type, person_id, division_code, registered_by)
                        values (:id, :type, :person, :division, :actor) on conflict (device_id) do nothing
                        """).param("id", deviceId).param("type", type.name()).param("person", personId)
                .param("division", divisionCode).param("actor", actor).update();
        cache.remove(deviceId);
        return inserted == 1;
    }

    /** Drops a device from the cache after it was unbound. */
    void forget(String deviceId) {
        cache.remove(deviceId);
    }

    Optional<Device> find(String deviceId) {
        Device cached = cache.get(deviceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Device> found = jdbc.sql("select * from guardian.device where device_id = :id").param("id", deviceId)
                .query((rs, i) -> map(rs)).optional();
        found.ifPresent(d -> cache.put(deviceId, d));
        return found;
    }

    List<Device> ofPerson(long personId) {
        return jdbc.sql("select * from guardian.device where person_id = :p order by device_id").param("p", personId)
                .query((rs, i) -> map(rs)).list();
    }

    List<Device> inDivisions(java.util.Set<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from guardian.device where division_code in (:codes) order by person_id, device_id")
                .param("codes", codes).query((rs, i) -> map(rs)).list();
    }

    /**
     * Records in one statement that devices were heard from (each last-seen time kept if later than what is known, the
     * battery if reported) and are online.
     */
    void seenAll(Map<String, Instant> lastSeen, Map<String, Double> battery) {
        if (lastSeen.isEmpty()) {
            return;
        }
        String[] ids = lastSeen.keySet().toArray(String[]::new);
        String[] ats = new String[ids.length];
        Double[] batteries = new Double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ats[i] = lastSeen.get(ids[i]).toString();
            batteries[i] = battery.get(ids[i]);
        }
        jdbc.sql("""
                        update guardian.device d set last_seen_at = greatest(coalesce(d.last_seen_at, x.a::timestamptz),
                                x.a::timestamptz),
                            battery = coalesce(x.b::numeric, d.battery), offline = false
                        from unnest(cast(:ids as varchar[]), cast(:ats as varchar[]), cast(:batteries as float8[]))
                            as x(id, a, b)
                        where d.device_id = x.id
                        """).param("ids", ids).param("ats", ats).param("batteries", batteries).update();
    }

    void markOffline(String deviceId) {
        jdbc.sql("update guardian.device set offline = true where device_id = :id").param("id", deviceId).update();
    }

    private static Device map(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime seen = rs.getObject("last_seen_at", OffsetDateTime.class);
        return new Device(rs.getString("device_id"), DeviceType.valueOf(rs.getString("type")),
                rs.getLong("person_id"), rs.getString("division_code"), seen == null ? null : seen.toInstant(),
                rs.getBoolean("offline"));
    }
}
