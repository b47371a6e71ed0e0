package org.yilaoyixiao.placement.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Placements of elders in beds")
class PlacementApiController {

    private final Placements placements;
    private final CurrentUsers currentUsers;

    PlacementApiController(Placements placements, CurrentUsers currentUsers) {
        this.placements = placements;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/v1/placements")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Admit an elder (60+) to a free bed; kind FAMILY_BED for a family care bed supervised by "
            + "the institution. 409 CAPACITY_EXCEEDED, AGE_NOT_ELIGIBLE, CONFLICT when already placed")
    ResponseEntity<PlacementResponse> admit(@RequestBody AdmissionRequest request) {
        if (request.personId() == null) {
            throw ApiException.validation("personId", "REQUIRED", "placement.person.required");
        }
        PlacementRecord created = placements.admit(request.personId(),
                new Placements.Target(kind(request.kind()), request.institutionId(), request.bedType()),
                request.from(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/placements/" + created.id())).body(response(created));
    }

    @PostMapping("/api/v1/placements/{id}/discharge")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Discharge: end the current placement on a date")
    PlacementResponse discharge(@PathVariable long id, @RequestBody DischargeRequest request) {
        return response(placements.discharge(id, request.on(), request.reason(), currentUsers.require()));
    }

    @PostMapping("/api/v1/placements/{id}/transfer")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    @Operation(summary = "Transfer to another institution bed (to=INSTITUTION) or a family care bed (to=FAMILY_BED): "
            + "the current placement ends and the next begins on the same day, in one transaction")
    PlacementResponse transfer(@PathVariable long id, @RequestBody TransferRequest request) {
        return response(placements.transfer(id, new Placements.Target(kind(request.to()), request.institutionId(),
                request.bedType()), request.on(), currentUsers.require()));
    }

    @GetMapping("/api/v1/persons/{personId}/placements")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.READ + "')")
    @Operation(summary = "Every placement period of a person, oldest first")
    List<PlacementResponse> history(@PathVariable long personId) {
        return placements.history(personId, currentUsers.require()).stream()
                .map(PlacementApiController::response).toList();
    }

    private static PlacementKind kind(String value) {
        if (value == null || value.isBlank()) {
            return PlacementKind.INSTITUTION;
        }
        try {
            return PlacementKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("to", "INVALID", "placement.kind.invalid");
        }
    }

    static PlacementResponse response(PlacementRecord r) {
        return new PlacementResponse(r.id(), r.personId(), r.kind().name(), r.institutionId(), r.bedType(),
                r.fromDate(), r.toDate(), r.endReason(), r.previousId());
    }

    record AdmissionRequest(Long personId, String kind, Long institutionId, String bedType, LocalDate from) {
    }

    record DischargeRequest(LocalDate on, String reason) {
    }

    record TransferRequest(String to, Long institutionId, String bedType, LocalDate on) {
    }

    record PlacementResponse(long id, long personId, String kind, long institutionId, String bedType,
                             LocalDate from, LocalDate to, String endReason, Long previousId) {
    }
}
