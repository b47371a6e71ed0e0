package org.yilaoyixiao.placement.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Enrolments of infants in childcare classes")
class EnrolmentApiController {

    private final Enrolments enrolments;
    private final CurrentUsers currentUsers;

    EnrolmentApiController(Enrolments enrolments, CurrentUsers currentUsers) {
        this.enrolments = enrolments;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/v1/enrolments")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Enrol a child in a class. 409 AGE_NOT_ELIGIBLE, CAPACITY_EXCEEDED (class or provider slots), "
            + "RATIO_BREACHED (also when no carers are recorded for the class), CONFLICT when already enrolled")
    ResponseEntity<EnrolmentResponse> enrol(@RequestBody EnrolmentRequest request) {
        if (request.personId() == null || request.providerId() == null || request.classId() == null) {
            throw ApiException.validation("personId", "REQUIRED", "enrolment.fields.required");
        }
        EnrolmentRecord created = enrolments.enrol(request.personId(), request.providerId(), request.classId(),
                request.from(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + created.id())).body(response(created));
    }

    @PostMapping("/api/v1/enrolments/{id}/withdraw")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Withdraw a child on a date; the place is free from then on")
    EnrolmentResponse withdraw(@PathVariable long id, @RequestBody WithdrawRequest request) {
        return response(enrolments.withdraw(id, request.on(), currentUsers.require()));
    }

    @PutMapping("/api/v1/childcare-providers/{providerId}/classes/{classId}/carers")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Record how many carers look after a class; needed before enrolments (carer ratio)")
    ResponseEntity<Void> carers(@PathVariable long providerId, @PathVariable long classId,
                                @RequestBody CarersRequest request) {
        enrolments.recordCarers(providerId, classId, request.carers(), currentUsers.require());
        return ResponseEntity.noContent().build();
    }

    static EnrolmentResponse response(EnrolmentRecord r) {
        return new EnrolmentResponse(r.id(), r.personId(), r.providerId(), r.classId(), r.fromDate(), r.toDate());
    }

    record EnrolmentRequest(Long personId, Long providerId, Long classId, LocalDate from) {
    }

    record WithdrawRequest(LocalDate on) {
    }

    record CarersRequest(Integer carers) {
    }

    record EnrolmentResponse(long id, long personId, long providerId, long classId, LocalDate from, LocalDate to) {
    }
}
