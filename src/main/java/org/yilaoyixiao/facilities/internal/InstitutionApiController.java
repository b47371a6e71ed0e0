package org.yilaoyixiao.facilities.internal;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.InstitutionBeds;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "Elderly-care institutions")
class InstitutionApiController {

    private final Institutions institutions;
    private final CurrentUsers currentUsers;

    InstitutionApiController(Institutions institutions, CurrentUsers currentUsers) {
        this.institutions = institutions;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Register an institution with its approved beds (cognitive ≤ approved per type)")
    ResponseEntity<InstitutionResponse> create(@RequestBody InstitutionRequest request) {
        InstitutionRecord created = institutions.create(request.toCommand(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/institutions/" + created.id())).body(response(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "An institution; outside the caller's scope: 404")
    InstitutionResponse get(@PathVariable long id) {
        return response(institutions.read(id, currentUsers.require()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "Institutions in a division's subtree (default: the caller's scope), by operationModel, kind")
    PageResponse<InstitutionResponse> search(@RequestParam(required = false) String division,
                                             @RequestParam(required = false) OperationModel operationModel,
                                             @RequestParam(required = false) InstitutionKind kind,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return institutions.search(division, operationModel, kind, PageRequest.of(page, size), currentUsers.require())
                .map(InstitutionApiController::response);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Change an institution; 'version' must be the one read, else 409")
    InstitutionResponse update(@PathVariable long id, @RequestBody InstitutionRequest request) {
        if (request.version() == null) {
            throw ApiException.validation("version", "REQUIRED", "facility.version.required");
        }
        return response(institutions.update(id, request.version(), request.toCommand(), currentUsers.require()));
    }

    static InstitutionResponse response(InstitutionRecord r) {
        return new InstitutionResponse(r.id(), r.name(), r.divisionCode(), r.operationModel().name(),
                r.profitType().name(), r.kind().name(), r.starRating(), r.starRatedOn(), r.premises().name(),
                r.leaseEndsOn(), r.openedOn(), r.medicalPartnership(), r.smartCareHome(), r.beds(), r.synthetic(),
                r.version());
    }

    record InstitutionRequest(String name, String divisionCode, String operationModel, String profitType, String kind,
                              Integer starRating, LocalDate starRatedOn, String premises, LocalDate leaseEndsOn,
                              LocalDate openedOn, Boolean medicalPartnership, Boolean smartCareHome,
                              List<InstitutionCommand.Beds> beds, Integer version) {
        InstitutionCommand toCommand() {
            return new InstitutionCommand(name, divisionCode, operationModel, profitType, kind, starRating,
                    starRatedOn, premises, leaseEndsOn, openedOn, medicalPartnership, smartCareHome, beds);
        }
    }

    record InstitutionResponse(long id, String name, String divisionCode, String operationModel, String profitType,
                               String kind, Integer starRating, LocalDate starRatedOn, String premises,
                               LocalDate leaseEndsOn, LocalDate openedOn, boolean medicalPartnership,
                               boolean smartCareHome, List<InstitutionBeds> beds, boolean synthetic, int version) {
    }
}
