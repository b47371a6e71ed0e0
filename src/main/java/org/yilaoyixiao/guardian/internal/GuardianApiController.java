package org.yilaoyixiao.guardian.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.GuardianPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

@RestController
@Tag(name = "Silver guardian (银龄卫士)")
class GuardianApiController {

    private final DeviceDirectory devices;
    private final GatewayKeys gateways;
    private final TelemetryIngestion ingestion;
    private final GuardianAlerts alerts;
    private final ElderProfiles profiles;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final TransferIngestion transferIngestion;

    GuardianApiController(TransferIngestion transferIngestion, DeviceDirectory devices, GatewayKeys gateways, TelemetryIngestion ingestion,
                          GuardianAlerts alerts, ElderProfiles profiles, PersonDirectory persons,
                          DivisionDirectory divisions, CurrentUsers currentUsers, AuditTrail audit,
                          org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.transferIngestion = transferIngestion;
        this.devices = devices;
        this.gateways = gateways;
        this.ingestion = ingestion;
        this.alerts = alerts;
        this.profiles = profiles;
        this.persons = persons;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    record DeviceRequest(String deviceId, String type, Long personId) {
    }

    record DeviceResponse(String deviceId, String type, long personId, Instant lastSeenAt, boolean offline) {
    }

    @PostMapping("/api/v1/guardian/devices")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    @Operation(summary = "Bind a device to an elder; 409 if the device id is bound already")
    ResponseEntity<DeviceResponse> register(@RequestBody DeviceRequest request) {
        CurrentUser actor = currentUsers.require();
        DeviceType type;
        try {
            type = DeviceType.valueOf(request.type() == null ? "" : request.type());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("type", "INVALID", "guardian.device.type.invalid");
        }
        if (request.deviceId() == null || !request.deviceId().matches("[A-Za-z0-9._:-]{1,64}")) {
            throw ApiException.validation("deviceId", "INVALID", "guardian.device.id.invalid");
        }
        PersonSummary person = person(request.personId(), actor);
        if (!devices.register(request.deviceId(), type, person.id(), person.residenceDivisionCode(),
                actor.username())) {
            throw ApiException.conflict("guardian.device.exists", request.deviceId());
        }
        audit.record(AuditRecord.success("GUARDIAN_DEVICE_BOUND", "device:" + request.deviceId(),
                "person=" + person.id() + " type=" + type));
        return ResponseEntity.created(URI.create("/api/v1/guardian/devices/" + request.deviceId()))
                .body(new DeviceResponse(request.deviceId(), type.name(), person.id(), null, false));
    }

    @GetMapping("/api/v1/guardian/devices")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    @Operation(summary = "Devices of an elder, or of the caller's scope, with last seen time and offline flag")
    List<DeviceResponse> devices(@RequestParam(required = false) Long personId) {
        CurrentUser actor = currentUsers.require();
        List<DeviceDirectory.Device> found = personId != null ? devices.ofPerson(person(personId, actor).id())
                : devices.inDivisions(divisions.subtreeCodes(actor.divisionCode()));
        return found.stream().map(d -> new DeviceResponse(d.deviceId(), d.type().name(), d.personId(), d.lastSeenAt(),
                d.offline())).toList();
    }

    record GatewayRequest(String name) {
    }

    record GatewayResponse(long id, String apiKey) {
    }

    @PostMapping("/api/v1/guardian/gateways")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    @Operation(summary = "Issue an API key for a gateway (device hub or partner bank); the key is shown this once")
    ResponseEntity<GatewayResponse> gateway(@RequestBody(required = false) GatewayRequest request) {
        String name = request == null || request.name() == null || request.name().isBlank() ? "gateway"
                : request.name().strip();
        GatewayKeys.Issued issued = gateways.issue(name.length() > 100 ? name.substring(0, 100) : name,
                currentUsers.require().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(new GatewayResponse(issued.id(), issued.apiKey()));
    }

    record SafeZoneRequest(Long personId, String name, Double lat, Double lon, Integer radiusMeters) {
    }

    @PostMapping("/api/v1/guardian/safe-zones")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    @Operation(summary = "Add a safe zone (a circle) for an elder")
    ResponseEntity<java.util.Map<String, Object>> safeZone(@RequestBody SafeZoneRequest request) {
        CurrentUser actor = currentUsers.require();
        PersonSummary person = person(request.personId(), actor);
        List<ApiException.FieldProblem> problems = new java.util.ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            problems.add(new ApiException.FieldProblem("name", "REQUIRED", "guardian.zone.name", new Object[0]));
        }
        if (request.lat() == null || Math.abs(request.lat()) > 90) {
            problems.add(new ApiException.FieldProblem("lat", "INVALID", "guardian.zone.lat", new Object[0]));
        }
        if (request.lon() == null || Math.abs(request.lon()) > 180) {
            problems.add(new ApiException.FieldProblem("lon", "INVALID", "guardian.zone.lon", new Object[0]));
        }
        if (request.radiusMeters() == null || request.radiusMeters() < 10 || request.radiusMeters() > 50_000) {
            problems.add(new ApiException.FieldProblem("radiusMeters", "INVALID", "guardian.zone.radius",
                    new Object[0]));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        long id = jdbc.sql("""
                        insert into guardian.safe_zone (person_id, name, lat, lon, radius_meters, created_by)
                        values (:p, :name, :lat, :lon, :r, :actor) returning id
                        """).param("p", person.id()).param("name", request.name().strip()).param("lat", request.lat())
                .param("lon", request.lon()).param("r", request.radiusMeters()).param("actor", actor.username())
                .query(Long.class).single();
        profiles.forget(person.id());
        audit.record(AuditRecord.success("GUARDIAN_SAFE_ZONE_ADDED", "safe-zone:" + id, "person=" + person.id()));
        return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("id", id, "personId", person.id(),
                "name", request.name().strip(), "radiusMeters", request.radiusMeters()));
    }

    record IngestResponse(int accepted, int duplicates, List<TelemetryIngestion.Rejected> rejected) {
    }

    @PostMapping("/api/v1/guardian/telemetry")
    @Operation(summary = "Readings from a gateway (header X-Api-Key; 401 without a valid key). 202 with the count "
            + "accepted, duplicates (same deviceId + seq) and each rejected reading's index and reason")
    ResponseEntity<IngestResponse> telemetry(@RequestBody List<RawReading> readings, Authentication gateway) {
        TelemetryIngestion.Result result = ingestion.ingest(TelemetryIngestion.Channel.HTTP, gatewayId(gateway),
                readings);
        return ResponseEntity.accepted().body(new IngestResponse(result.accepted(), result.duplicates(),
                result.rejected()));
    }

    @PostMapping("/api/v1/guardian/transactions")
    @Operation(summary = "Transfers from a partner bank (header X-Api-Key; 401 without a valid key) for fraud "
            + "detection: 202 with accepted, duplicates (same accountRef + seq) and each rejected one's index and reason")
    ResponseEntity<IngestResponse> transactions(@RequestBody List<TransferIngestion.RawTransfer> transfers,
                                                Authentication gateway) {
        TelemetryIngestion.Result result = transferIngestion.ingest(gatewayId(gateway), transfers);
        return ResponseEntity.accepted().body(new IngestResponse(result.accepted(), result.duplicates(),
                result.rejected()));
    }

    record AlertResponse(long id, long personId, String type, String status, Instant openedAt, Instant lastTriggeredAt,
                         int triggerCount, String details, List<GuardianAlerts.Event> history) {
    }

    @GetMapping("/api/v1/guardian/alerts")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    @Operation(summary = "Alerts in the caller's scope, open ones first")
    PageResponse<AlertResponse> alerts(@RequestParam(required = false) Long personId,
                                       @RequestParam(required = false) AlertType type,
                                       @RequestParam(required = false) GuardianAlerts.Status status,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return alerts.list(personId, type, status, PageRequest.of(page, size), currentUsers.require())
                .map(a -> response(a, null));
    }

    @GetMapping("/api/v1/guardian/alerts/{id}")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.READ + "')")
    @Operation(summary = "One alert with its history")
    AlertResponse alert(@PathVariable long id) {
        return response(alerts.visible(id, currentUsers.require()), alerts.history(id));
    }

    record NoteRequest(String note, Boolean falseAlarm) {
    }

    @PostMapping("/api/v1/guardian/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    @Operation(summary = "Acknowledge an open alert; 409 from any other status")
    AlertResponse acknowledge(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
        GuardianAlerts.Alert alert = alerts.acknowledge(id, request == null ? null : request.note(),
                currentUsers.require());
        return response(alert, alerts.history(id));
    }

    @PostMapping("/api/v1/guardian/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.HANDLE + "')")
    @Operation(summary = "Resolve an open or acknowledged alert, as a false alarm if falseAlarm is true; 409 otherwise")
    AlertResponse resolve(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
        GuardianAlerts.Alert alert = alerts.resolve(id, request != null && Boolean.TRUE.equals(request.falseAlarm()),
                request == null ? null : request.note(), currentUsers.require());
        return response(alert, alerts.history(id));
    }

    private static AlertResponse response(GuardianAlerts.Alert a, List<GuardianAlerts.Event> history) {
        return new AlertResponse(a.id(), a.personId(), a.type().name(), a.status().name(), a.openedAt(),
                a.lastTriggeredAt(), a.triggerCount(), a.details(), history);
    }

    private PersonSummary person(Long personId, CurrentUser actor) {
        if (personId == null) {
            throw ApiException.validation("personId", "REQUIRED", "guardian.person.required");
        }
        return persons.find(personId).filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("guardian.person.not-found", Long.toString(personId)));
    }

    private static Long gatewayId(Authentication gateway) {
        String name = gateway == null ? "" : gateway.getName();
        return name.startsWith("gateway:") ? Long.valueOf(name.substring("gateway:".length())) : null;
    }
}
