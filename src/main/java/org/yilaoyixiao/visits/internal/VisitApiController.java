package org.yilaoyixiao.visits.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.visits.VisitPermissions;
import org.yilaoyixiao.visits.VisitRate;

@RestController
@Tag(name = "Visits to special-difficulty elders (探访关爱)")
class VisitApiController {

    static final String REPLAYED = "Idempotency-Replayed";

    private final Visits visits;
    private final VisitPlans plans;
    private final TargetPopulation population;
    private final Scope scope;
    private final CurrentUsers currentUsers;

    VisitApiController(Visits visits, VisitPlans plans, TargetPopulation population, Scope scope,
                       CurrentUsers currentUsers) {
        this.visits = visits;
        this.plans = plans;
        this.population = population;
        this.scope = scope;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/visits/targets")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "The target elders of a month in a division (default: the caller's scope), paged; each with "
            + "the reasons they are a target (economic status, living situation, DISABLED, MANUAL) and the risk tier")
    PageResponse<TargetResponse> targets(@RequestParam(required = false) String division,
                                         @RequestParam(required = false) String month,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        var actor = currentUsers.require();
        return population.targets(month(month), scope.subtree(scope.division(division, actor)),
                PageRequest.of(page, size)).map(t -> new TargetResponse(t.personId(), t.divisionCode(), t.reasons(),
                t.tier()));
    }

    @GetMapping("/api/v1/visits/targets/changes")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "Who entered (ADDED) or left (REMOVED) the target population against the previous month")
    List<TargetPopulation.Change> changes(@RequestParam(required = false) String division,
                                          @RequestParam(required = false) String month) {
        var actor = currentUsers.require();
        return population.changes(month(month), scope.subtree(scope.division(division, actor)));
    }

    @PostMapping("/api/v1/visits/plans/{month}")
    @PreAuthorize("hasAuthority('" + VisitPermissions.GENERATE + "')")
    @Operation(summary = "Recompute the month's target population county-wide and plan its visits (idempotent: "
            + "running it again creates nothing new unless the registry, assessments or overrides changed). Also runs "
            + "by itself early on the first day of each month")
    VisitPlans.Generated generate(@PathVariable String month) {
        return plans.generate(Months.parse(month, "month"), currentUsers.require().username());
    }

    @PostMapping("/api/v1/visits")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    @Operation(summary = "Record a visit: 201 with the visit. The same idempotencyKey again answers 200 with the same "
            + "visit and the header Idempotency-Replayed: true — nothing is recorded twice. findings has the five "
            + "areas HEALTH, LIVING, SAFETY, MENTAL, NEEDS, each {concern, note, raise: NONE|SERVICE_NEED|URGENT_ALERT, "
            + "service}. 404 for a person outside the caller's scope")
    ResponseEntity<VisitResponse> record(@RequestBody VisitRequest request) {
        Visits.Recorded recorded = visits.record(request, currentUsers.require());
        VisitResponse body = response(recorded.visit());
        if (recorded.replayed()) {
            return ResponseEntity.ok().header(REPLAYED, "true").body(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/visits/" + body.id())).body(body);
    }

    @GetMapping("/api/v1/visits/{id}")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "One visit")
    VisitResponse visit(@PathVariable long id) {
        return response(visits.visit(id, currentUsers.require()));
    }

    @GetMapping("/api/v1/persons/{personId}/visits")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "A person's visits, newest first")
    List<VisitResponse> history(@PathVariable long personId) {
        return visits.history(personId, currentUsers.require()).stream().map(VisitApiController::response).toList();
    }

    @PostMapping(path = "/api/v1/visits/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    @Operation(summary = "Attach a photo (JPEG, PNG or WebP, at most 5 MB) to a visit; stored in the database")
    ResponseEntity<Map<String, Long>> photo(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        long photo = visits.addPhoto(id, file.getContentType(), file.getBytes(), currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", photo));
    }

    @GetMapping("/api/v1/visits/photos/{photoId}")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "A visit photo; every read is audited")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        VisitRepository.Photo photo = visits.photo(photoId, currentUsers.require());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "no-store").body(photo.content());
    }

    @GetMapping("/api/v1/visits/rate")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "Visit rate (I07) of a division and month: target elders in its subtree visited at least "
            + "once in the month over all its target elders; rate in percent with two decimals, null without targets")
    RateResponse rate(@RequestParam(required = false) String division, @RequestParam(required = false) String month) {
        VisitRate r = plans.rate(division, month(month), currentUsers.require());
        return new RateResponse(r.division(), r.month().toString(), r.targetCount(), r.visitedCount(), r.rate());
    }

    @GetMapping("/api/v1/visits/progress")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "Supervisor view: each visitor's and each sub-division's rate in the month, who is below the "
            + "lag threshold (default 80 %), the days left and tasks without a visitor")
    VisitPlans.Progress progress(@RequestParam(required = false) String division,
                                 @RequestParam(required = false) String month) {
        return plans.progress(division, month(month), currentUsers.require());
    }

    @GetMapping("/api/v1/visits/overdue")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    @Operation(summary = "Open visit tasks past their due time in a division, oldest first; optionally one visitor's")
    List<Task> overdue(@RequestParam(required = false) String division,
                       @RequestParam(required = false) String visitor) {
        return plans.overdue(division, visitor, currentUsers.require());
    }

    @GetMapping("/api/v1/visits/tasks/mine")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    @Operation(summary = "The caller's open visit tasks up to the end of this month, most urgent first")
    List<Task> mine() {
        return plans.myTasks(currentUsers.require());
    }

    @PutMapping("/api/v1/visits/tasks/{id}/visitor")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    @Operation(summary = "Reassign an open task to another visitor (username)")
    Task reassign(@PathVariable long id, @RequestBody VisitorRequest request) {
        return plans.reassign(id, request.visitor(), currentUsers.require());
    }

    @PutMapping("/api/v1/visits/villages/{code}/visitor")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    @Operation(summary = "Assign a village to a visitor: future plans and the village's open tasks go to them")
    ResponseEntity<Void> assign(@PathVariable String code, @RequestBody VisitorRequest request) {
        plans.assignVillage(code, request.visitor(), currentUsers.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/visits/overrides")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    @Operation(summary = "Add (ADD) or remove (REMOVE) an elder by hand, or flag them high risk (HIGH_RISK), with a "
            + "reason, from a month (default: this month) until revoked; a month already planned is recomputed")
    ResponseEntity<Map<String, Long>> override(@RequestBody OverrideRequest request) {
        if (request.personId() == null) {
            throw ApiException.validation("personId", "REQUIRED", "visits.person.required");
        }
        long id = plans.addOverride(request.personId(), request.kind(), request.reason(), request.fromMonth(),
                currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PostMapping("/api/v1/visits/overrides/{id}/revocation")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    @Operation(summary = "Revoke a manual override, with a reason")
    ResponseEntity<Void> revoke(@PathVariable long id, @RequestBody Map<String, String> request) {
        plans.revokeOverride(id, request.get("reason"), currentUsers.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/visits/events")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    @Operation(summary = "Report a major event (HOSPITAL_DISCHARGE, BEREAVEMENT, ALERT): a follow-up visit is planned "
            + "within the follow-up hours (default 24) of the event")
    ResponseEntity<Map<String, Long>> event(@RequestBody EventRequest request) {
        if (request.personId() == null) {
            throw ApiException.validation("personId", "REQUIRED", "visits.person.required");
        }
        Instant at = request.occurredAt() == null ? null : request.occurredAt().toInstant();
        long task = visits.reportEvent(request.personId(), request.kind(), at, request.note(),
                currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("followUpTaskId", task));
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
    }

    static VisitResponse response(VisitRecord v) {
        return new VisitResponse(v.id(), v.personId(), v.divisionCode(), v.visitedAt(), v.mode(),
                v.withFamilyAbroad(), v.durationMinutes(),
                v.latitude() == null ? null : new VisitRequest.Location(v.latitude(), v.longitude(),
                        v.accuracyMeters()), v.findings(), v.note(), v.visitor(), v.idempotencyKey(), v.photoIds());
    }

    record TargetResponse(long personId, String divisionCode, List<String> reasons, String tier) {
    }

    record RateResponse(String division, String month, long targetCount, long visitedCount, BigDecimal rate) {
    }

    record VisitorRequest(String visitor) {
    }

    record OverrideRequest(Long personId, String kind, String reason, String fromMonth) {
    }

    record EventRequest(Long personId, String kind, OffsetDateTime occurredAt, String note) {
    }

    record VisitResponse(long id, long personId, String divisionCode, Instant visitedAt, String mode,
                         boolean withFamilyAbroad, Integer durationMinutes, VisitRequest.Location location,
                         Map<String, VisitRequest.Finding> findings, String note, String visitor,
                         String idempotencyKey, List<Long> photoIds) {
    }
}
