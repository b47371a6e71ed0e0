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
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final GuardianSetup setup;

    GuardianApiController(TransferIngestion transferIngestion, DeviceDirectory devices, GatewayKeys gateways, TelemetryIngestion ingestion,
                          GuardianAlerts alerts, ElderProfiles profiles, PersonDirectory persons,
                          DivisionDirectory divisions, CurrentUsers currentUsers, AuditTrail audit,
                          org.springframework.jdbc.core.simple.JdbcClient jdbc, GuardianSetup setup) {
        this.setup = setup;
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
        DeviceDirectory.Device device = setup.bind(request.deviceId(), request.type(), request.personId(),
                currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/guardian/devices/" + device.deviceId()))
                .body(new DeviceResponse(device.deviceId(), device.type().name(), device.personId(), null, false));
    }

    @DeleteMapping("/api/v1/guardian/devices/{deviceId}")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    @Operation(summary = "Unbind a device from its elder; its readings are refused from then on")
    ResponseEntity<Void> unbind(@PathVariable String deviceId) {
        setup.unbind(deviceId, currentUsers.require());
        return ResponseEntity.noContent().build();
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

    @PostMapping("/api/v1/guardian/gateways/{id}/rotate")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    @Operation(summary = "Give a gateway a new key (shown this once); the old key stops working at once")
    GatewayResponse rotate(@PathVariable long id) {
        GatewayKeys.Issued issued = gateways.rotate(id, currentUsers.require().username());
        return new GatewayResponse(issued.id(), issued.apiKey());
    }

    @PostMapping("/api/v1/guardian/gateways/{id}/revoke")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.GATEWAYS + "')")
    @Operation(summary = "Revoke a gateway's key; 409 if revoked already")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        gateways.revoke(id, currentUsers.require().username());
        return ResponseEntity.noContent().build();
    }

    record SafeZoneRequest(Long personId, String name, Double lat, Double lon, Integer radiusMeters) {
    }

    @PostMapping("/api/v1/guardian/safe-zones")
    @PreAuthorize("hasAuthority('" + GuardianPermissions.DEVICES + "')")
    @Operation(summary = "Add a safe zone (a circle) for an elder")
    ResponseEntity<java.util.Map<String, Object>> safeZone(@RequestBody SafeZoneRequest request) {
        long id = setup.addZone(request.personId(), request.name(),
                request.lat() == null ? null : java.math.BigDecimal.valueOf(request.lat()),
                request.lon() == null ? null : java.math.BigDecimal.valueOf(request.lon()), request.radiusMeters(),
                currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("id", id, "personId",
                request.personId(), "name", request.name().strip(), "radiusMeters", request.radiusMeters()));
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
