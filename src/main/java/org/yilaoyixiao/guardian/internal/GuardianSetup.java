package org.yilaoyixiao.guardian.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Setting an elder up for the guardian, for the API and the pages alike: binding a device to them and unbinding it,
 * adding and removing safe zones. Every elder and device is looked up within the actor's scope (404 outside); every
 * change is audited and makes the detectors reload the elder's profile.
 */
@Service
class GuardianSetup {

    private final DeviceDirectory devices;
    private final ElderScope elders;
    private final ElderProfiles profiles;
    private final DivisionDirectory divisions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    GuardianSetup(DeviceDirectory devices, ElderScope elders, ElderProfiles profiles, DivisionDirectory divisions,
                  JdbcClient jdbc, AuditTrail audit) {
        this.devices = devices;
        this.elders = elders;
        this.profiles = profiles;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Binds a device (its serial as printed on it) to an elder; 409 if the serial is bound already. */
    @Transactional
    DeviceDirectory.Device bind(String deviceId, String typeName, Long personId, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        DeviceType type = null;
        try {
            type = DeviceType.valueOf(typeName == null ? "" : typeName.strip());
        } catch (IllegalArgumentException e) {
            problems.add(problem("type", "INVALID", "guardian.device.type.invalid"));
        }
        String serial = deviceId == null ? null : deviceId.strip();
        if (serial == null || !serial.matches("[A-Za-z0-9._:-]{1,64}")) {
            problems.add(problem("deviceId", "INVALID", "guardian.device.id.invalid"));
        }
        if (personId == null) {
            problems.add(problem("personId", "REQUIRED", "guardian.person.required"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        PersonSummary person = elders.visible(personId);
        if (!devices.register(serial, type, person.id(), person.residenceDivisionCode(), actor.username())) {
            throw ApiException.conflict("guardian.device.exists", serial);
        }
        profiles.forget(person.id());
        audit.record(AuditRecord.success("GUARDIAN_DEVICE_BOUND", "device:" + serial,
                "person=" + person.id() + " type=" + type));
        return devices.find(serial).orElseThrow();
    }

    /** A bound device in the actor's scope, else not found. */
    DeviceDirectory.Device visibleDevice(String deviceId, CurrentUser actor) {
        return Optional.ofNullable(deviceId).flatMap(devices::find)
                .filter(d -> divisions.isWithin(actor.divisionCode(), d.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("guardian.device.not-found", String.valueOf(deviceId)));
    }

    /**
     * Unbinds a device: it leaves the device table (its readings are no longer accepted, and the serial may be bound
     * again) and is kept in {@code device_unbound} with who unbound it.
     */
    @Transactional
    void unbind(String deviceId, CurrentUser actor) {
        DeviceDirectory.Device device = visibleDevice(deviceId, actor);
        int moved = jdbc.sql("""
                        with gone as (delete from guardian.device where device_id = :id returning *)
                        insert into guardian.device_unbound (device_id, type, person_id, division_code, registered_at,
                            registered_by, unbound_by)
                        select device_id, type, person_id, division_code, registered_at, registered_by, :actor from gone
                        """).param("id", device.deviceId()).param("actor", actor.username()).update();
        devices.forget(device.deviceId());
        if (moved == 0) {
            throw ApiException.notFound("guardian.device.not-found", device.deviceId());
        }
        profiles.forget(device.personId());
        audit.record(AuditRecord.success("GUARDIAN_DEVICE_UNBOUND", "device:" + device.deviceId(),
                "person=" + device.personId() + " type=" + device.type()));
    }

    /** A manual safe zone as its page lists it. */
    record Zone(long id, long personId, String name, double lat, double lon, int radiusMeters, Instant createdAt,
                String createdBy) {
    }

    List<Zone> zones(long personId) {
        return jdbc.sql("""
                        select id, person_id, name, lat::float8, lon::float8, radius_meters, created_at, created_by
                        from guardian.safe_zone where person_id = :p order by id""").param("p", personId)
                .query((rs, i) -> new Zone(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getString(8))).list();
    }

    /** Adds a circle the elder is safe in at every hour; every field checked at once, in the clerk's words. */
    @Transactional
    long addZone(Long personId, String name, BigDecimal lat, BigDecimal lon, Integer radiusMeters,
                 CurrentUser actor) {
        if (personId == null) {
            throw ApiException.validation("personId", "REQUIRED", "guardian.person.required");
        }
        PersonSummary person = elders.visible(personId);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        String zoneName = name == null ? "" : name.strip();
        if (zoneName.isEmpty() || zoneName.length() > 100) {
            problems.add(problem("name", "REQUIRED", "guardian.zone.name"));
        }
        if (lat == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            problems.add(problem("lat", "INVALID", "guardian.zone.lat"));
        }
        if (lon == null || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            problems.add(problem("lon", "INVALID", "guardian.zone.lon"));
        }
        if (radiusMeters == null || radiusMeters < 10 || radiusMeters > 50_000) {
            problems.add(problem("radiusMeters", "INVALID", "guardian.zone.radius"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        long id = jdbc.sql("""
                        insert into guardian.safe_zone (person_id, name, lat, lon, radius_meters, created_by)
                        values (:p, :name, :lat, :lon, :r, :actor) returning id
                        """).param("p", person.id()).param("name", zoneName).param("lat", lat).param("lon", lon)
                .param("r", radiusMeters).param("actor", actor.username()).query(Long.class).single();
        profiles.forget(person.id());
        audit.record(AuditRecord.success("GUARDIAN_SAFE_ZONE_ADDED", "safe-zone:" + id, "person=" + person.id()));
        return id;
    }

    /** Removes a manual safe zone of an elder in scope; a zone of someone else is not found. */
    @Transactional
    void removeZone(long personId, long zoneId, CurrentUser actor) {
        PersonSummary person = elders.visible(personId);
        int removed = jdbc.sql("delete from guardian.safe_zone where id = :id and person_id = :p")
                .param("id", zoneId).param("p", person.id()).update();
        if (removed == 0) {
            throw ApiException.notFound("guardian.zone.not-found", Long.toString(zoneId));
        }
        profiles.forget(person.id());
        audit.record(AuditRecord.success("GUARDIAN_SAFE_ZONE_REMOVED", "safe-zone:" + zoneId,
                "person=" + person.id()));
    }

    private static ApiException.FieldProblem problem(String field, String code, String key) {
        return new ApiException.FieldProblem(field, code, key, new Object[0]);
    }
}
