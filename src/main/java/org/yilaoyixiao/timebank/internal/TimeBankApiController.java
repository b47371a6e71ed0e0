package org.yilaoyixiao.timebank.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.timebank.TimeBankPermissions;

@RestController
@Tag(name = "Time bank (时间银行) and elder engagement")
class TimeBankApiController {

    private static final String READ = "hasAuthority('" + TimeBankPermissions.READ + "')";
    private static final String MANAGE = "hasAuthority('" + TimeBankPermissions.MANAGE + "')";

    private final TimeBank timeBank;
    private final Engagement engagement;
    private final Education education;
    private final CurrentUsers currentUsers;
    private final java.time.Clock clock;

    TimeBankApiController(TimeBank timeBank, Engagement engagement, Education education, CurrentUsers currentUsers,
                          java.time.Clock clock) {
        this.clock = clock;
        this.timeBank = timeBank;
        this.engagement = engagement;
        this.education = education;
        this.currentUsers = currentUsers;
    }

    // ---- volunteers and talents

    @PostMapping("/api/v1/volunteers")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Register a volunteer of any age: 201. The organisation (a volunteer team, or with "
            + "organisationKind=ASSOCIATION a village 老年协会) is found or created in the person's village. consent "
            + "false is refused; absent, the registering organiser attests the signed consent form. ownPhone=false "
            + "puts the account in proxy mode. username links the volunteer's platform account (a butler's): orders "
            + "they deliver under it are credited automatically, and only to them. 409 if registered already")
    ResponseEntity<EngagementRepository.Volunteer> register(@RequestBody Engagement.Registration registration) {
        EngagementRepository.Volunteer volunteer = engagement.register(registration, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + volunteer.personId())).body(volunteer);
    }

    @GetMapping("/api/v1/volunteers/{personId}")
    @PreAuthorize(READ)
    @Operation(summary = "A volunteer's registration: organisation, skills, availability, consent")
    EngagementRepository.Volunteer volunteer(@PathVariable long personId) {
        return engagement.volunteer(personId, currentUsers.require());
    }

    record ProfileRequest(List<String> skills, String formerProfession, String availability, Boolean willingToShare,
                          Boolean ownPhone) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/volunteers/{personId}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a volunteer's profile: skills (replaced), former profession, availability, "
            + "willingness to be matched, whether they have a phone (false: proxy mode)")
    EngagementRepository.Volunteer update(@PathVariable long personId, @RequestBody ProfileRequest request) {
        return engagement.update(personId, request.skills(), request.formerProfession(), request.availability(),
                request.willingToShare(), request.ownPhone(), currentUsers.require());
    }

    @PostMapping("/api/v1/volunteers/{personId}/withdrawal")
    @PreAuthorize(MANAGE)
    @Operation(summary = "The volunteer withdraws: 204; no longer counted for I18 nor listed as a talent; the hours "
            + "stay on their account")
    ResponseEntity<Void> withdraw(@PathVariable long personId) {
        engagement.withdraw(personId, currentUsers.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/volunteers")
    @PreAuthorize(READ)
    @Operation(summary = "Volunteers registered in a division (default: the caller's scope), newest first")
    PageResponse<EngagementRepository.Volunteer> volunteers(@RequestParam(required = false) String division,
                                                            @RequestParam(required = false) Integer page,
                                                            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var actor = currentUsers.require();
        return new PageResponse<>(engagement.volunteers(division, request.page(), request.size(), actor),
                request.page(), request.size(), engagement.countVolunteers(division, actor));
    }

    @GetMapping("/api/v1/talents")
    @PreAuthorize(READ)
    @Operation(summary = "老年人才信息库: elder volunteers willing to share, whose skills or former profession contain "
            + "the text, in a division (default: the caller's scope)")
    List<Engagement.Talent> talents(@RequestParam(required = false) String skill,
                                    @RequestParam(required = false) String division) {
        return engagement.talents(skill, division, currentUsers.require());
    }

    // ---- hours

    @GetMapping("/api/v1/timebank/accounts/{personId}")
    @PreAuthorize(READ)
    @Operation(summary = "A person's hours: balanceHours = earned − spent (earned: all hours received, spent: all "
            + "hours given, spent or expired)")
    TimeBank.Account account(@PathVariable long personId) {
        return timeBank.account(personId, currentUsers.require());
    }

    record CreditRequest(Long volunteerPersonId, BigDecimal hours, String sourceType, String sourceRef,
                         String idempotencyKey) {
    }

    record CreditResponse(long id, long volunteerPersonId, BigDecimal hours, String sourceType, String sourceRef,
                          String divisionCode, boolean replayed, BigDecimal balanceHours) {
    }

    @PostMapping("/api/v1/timebank/credits")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Credit hours for one verified service: ORDER (a delivered service order's id), VISIT (a "
            + "recorded visit's id) or ACTIVITY (<activityId>:<personId> of a confirmed activity). 201; the same "
            + "source credited again: 409; the same idempotencyKey again: 200 with replayed=true and no change")
    ResponseEntity<CreditResponse> credit(@RequestBody CreditRequest request) {
        var actor = currentUsers.require();
        if (request.volunteerPersonId() == null) {
            throw org.yilaoyixiao.platform.api.ApiException.validation("volunteerPersonId", "REQUIRED",
                    "timebank.field.required", "volunteerPersonId");
        }
        TimeBank.CreditResult result = timeBank.credit(request.volunteerPersonId(), request.hours(),
                request.sourceType(), request.sourceRef(), request.idempotencyKey(), actor);
        var c = result.credit();
        CreditResponse body = new CreditResponse(c.id(), c.personId(), c.hours(), c.sourceType(), c.sourceRef(),
                c.divisionCode(), result.replayed(), timeBank.balance(c.personId()));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    record TransferRequest(Long fromPersonId, Long toPersonId, BigDecimal hours, String kind, String note,
                           String proxyWitness, String idempotencyKey) {
    }

    record MovementResponse(long id, String kind, long fromPersonId, Long toPersonId, String divisionCode,
                            BigDecimal hours, boolean proxy, boolean replayed, BigDecimal fromBalanceHours) {
        static MovementResponse of(TimeBank.MovementResult r) {
            var m = r.movement();
            return new MovementResponse(m.id(), m.kind(), m.fromPersonId(), m.toPersonId(), m.divisionCode(),
                    m.hours(), m.proxy(), r.replayed(), r.fromBalance());
        }
    }

    @PostMapping("/api/v1/timebank/transfers")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Move hours to another person anywhere in the county (kind DONATION for family, e.g. parents "
            + "in another village). More than the balance: 409 and nothing moved. proxyWitness (required for an elder "
            + "registered without a phone) makes it a proxy action, audited. Same idempotencyKey again: 200, replayed")
    ResponseEntity<MovementResponse> transfer(@RequestBody TransferRequest request) {
        if (request.fromPersonId() == null) {
            throw org.yilaoyixiao.platform.api.ApiException.validation("fromPersonId", "REQUIRED",
                    "timebank.field.required", "fromPersonId");
        }
        TimeBank.MovementResult result = timeBank.transfer(request.fromPersonId(), request.toPersonId(),
                request.hours(), request.kind(), request.note(), request.proxyWitness(), request.idempotencyKey(),
                currentUsers.require());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(MovementResponse.of(result));
    }

    record SpendRequest(Long personId, BigDecimal hours, String divisionCode, String note, String proxyWitness,
                        String idempotencyKey) {
    }

    @PostMapping("/api/v1/timebank/spends")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Spend hours on a service received in any village of the county (通存通兑); more than the "
            + "balance: 409 and nothing moved")
    ResponseEntity<MovementResponse> spend(@RequestBody SpendRequest request) {
        if (request.personId() == null) {
            throw org.yilaoyixiao.platform.api.ApiException.validation("personId", "REQUIRED",
                    "timebank.field.required", "personId");
        }
        TimeBank.MovementResult result = timeBank.spend(request.personId(), request.hours(), request.divisionCode(),
                request.note(), request.proxyWitness(), request.idempotencyKey(), currentUsers.require());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(MovementResponse.of(result));
    }

    @GetMapping("/api/v1/timebank/accounts/{personId}/statement")
    @PreAuthorize(READ)
    @Operation(summary = "A person's movements between two dates (inclusive; default: all): opening + in − out = "
            + "closing; read audited")
    TimeBank.Statement statement(@PathVariable long personId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return timeBank.statement(personId, start(from), end(to), currentUsers.require());
    }

    record ExpiryRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    }

    @PostMapping("/api/v1/timebank/expiry-runs")
    @PreAuthorize("hasRole('COUNTY_ADMIN')")
    @Operation(summary = "Expire hours received more than yly.timebank.expiry-months before asOf (default today) and "
            + "not spent since; once per person and date")
    TimeBank.ExpiryResult expire(@RequestBody(required = false) ExpiryRequest request) {
        LocalDate asOf = request == null || request.asOf() == null ? BusinessTime.today(clock)
                : request.asOf();
        return timeBank.expire(asOf, currentUsers.require());
    }

    // ---- activities

    record ActivityRequest(String title, String divisionCode,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String organisation) {
    }

    record ActivityResponse(EngagementRepository.Activity activity, List<EngagementRepository.Participant> participants) {
    }

    @PostMapping("/api/v1/activities")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Record an activity that took place; the caller is its organiser")
    ResponseEntity<EngagementRepository.Activity> createActivity(@RequestBody ActivityRequest request) {
        EngagementRepository.Activity activity = engagement.createActivity(request.title(), request.divisionCode(),
                request.heldOn(), request.organisation(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
    }

    @GetMapping("/api/v1/activities/{id}")
    @PreAuthorize(READ)
    ActivityResponse activity(@PathVariable long id) {
        return new ActivityResponse(engagement.activity(id, currentUsers.require()), engagement.participants(id));
    }

    record ParticipantRequest(Long personId, BigDecimal hours) {
    }

    @PostMapping("/api/v1/activities/{id}/participants")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Add a registered volunteer to an unconfirmed activity with the hours they gave (again: "
            + "changes the hours)")
    ResponseEntity<ActivityResponse> participant(@PathVariable long id, @RequestBody ParticipantRequest request) {
        var actor = currentUsers.require();
        engagement.addParticipant(id, request.personId(), request.hours(), actor);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ActivityResponse(engagement.activity(id, actor), engagement.participants(id)));
    }

    @PostMapping("/api/v1/activities/{id}/confirmation")
    @PreAuthorize(MANAGE)
    @Operation(summary = "The organiser confirms the activity: every participant is credited their hours once (source "
            + "ACTIVITY). Confirming again changes nothing (200, replayed); someone else than the organiser: 403")
    ResponseEntity<Engagement.Confirmation> confirm(@PathVariable long id) {
        Engagement.Confirmation confirmation = engagement.confirm(id, currentUsers.require());
        return ResponseEntity.status(confirmation.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(confirmation);
    }

    // ---- courses

    @GetMapping("/api/v1/courses")
    @PreAuthorize(READ)
    @Operation(summary = "Courses (老年大学, online and offline) in a division (default: the caller's scope)")
    List<Education.Course> courses(@RequestParam(required = false) String division) {
        return education.courses(division, currentUsers.require());
    }

    @PostMapping("/api/v1/courses")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Create a course: title, mode ONLINE|OFFLINE, location (required offline), divisionCode, "
            + "provider, termStart, termEnd, sessions")
    ResponseEntity<Education.Course> createCourse(@RequestBody Education.CourseRequest request) {
        Education.Course course = education.create(request, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/courses/" + course.id())).body(course);
    }

    record CourseResponse(Education.Course course, int sessionsNeededForRegular, List<Education.Learner> learners) {
    }

    @GetMapping("/api/v1/courses/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A course with its learners, the sessions each attended and whether they count as regular")
    CourseResponse course(@PathVariable long id) {
        var actor = currentUsers.require();
        Education.Course course = education.course(id, actor);
        return new CourseResponse(course, education.sessionsNeeded(course.sessions()), education.learners(id, actor));
    }

    record EnrolmentRequest(Long personId) {
    }

    @PostMapping("/api/v1/courses/{id}/enrolments")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Enrol a person in a course: 201; 409 if enrolled already")
    ResponseEntity<CourseResponse> enrol(@PathVariable long id, @RequestBody EnrolmentRequest request) {
        var actor = currentUsers.require();
        education.enrol(id, request.personId(), actor);
        Education.Course course = education.course(id, actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CourseResponse(course,
                education.sessionsNeeded(course.sessions()), education.learners(id, actor)));
    }

    record AttendanceRequest(Long personId, Integer session) {
    }

    @PostMapping("/api/v1/courses/{id}/attendance")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Record that an enrolled person attended a session: 201, or 200 if recorded already")
    ResponseEntity<Void> attend(@PathVariable long id, @RequestBody AttendanceRequest request) {
        boolean added = education.attend(id, request.personId(), request.session(), currentUsers.require());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    static Instant start(LocalDate from) {
        return from == null ? Instant.EPOCH : from.atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    static Instant end(LocalDate to) {
        return to == null ? TimeBank.END_OF_TIME : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }
}
