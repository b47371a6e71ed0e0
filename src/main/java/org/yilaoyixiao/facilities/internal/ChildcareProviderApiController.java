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
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/v1/childcare-providers")
@Tag(name = "Childcare providers")
class ChildcareProviderApiController {

    private final ChildcareProviders providers;
    private final CurrentUsers currentUsers;

    ChildcareProviderApiController(ChildcareProviders providers, CurrentUsers currentUsers) {
        this.providers = providers;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Register a provider with its classes; filing needs owned premises or a lease of ≥ 3 years")
    ResponseEntity<ProviderResponse> create(@RequestBody ProviderRequest request) {
        ProviderRecord created = providers.create(request.toCommand(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/childcare-providers/" + created.id())).body(response(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "A provider with its classes; outside the caller's scope: 404")
    ProviderResponse get(@PathVariable long id) {
        return response(providers.read(id, currentUsers.require()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "Providers in a division's subtree (default: the caller's scope), by kind and filed")
    PageResponse<ProviderResponse> search(@RequestParam(required = false) String division,
                                          @RequestParam(required = false) ChildcareProviderKind kind,
                                          @RequestParam(required = false) Boolean filed,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return providers.search(division, kind, filed, PageRequest.of(page, size), currentUsers.require())
                .map(ChildcareProviderApiController::response);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Change a provider; classes with an id are changed, without are added, missing are removed; "
            + "'version' must be the one read, else 409")
    ProviderResponse update(@PathVariable long id, @RequestBody ProviderRequest request) {
        if (request.version() == null) {
            throw ApiException.validation("version", "REQUIRED", "facility.version.required");
        }
        return response(providers.update(id, request.version(), request.toCommand(), currentUsers.require()));
    }

    static ProviderResponse response(ProviderRecord r) {
        return new ProviderResponse(r.id(), r.name(), r.divisionCode(), r.kind().name(), r.filed(), r.filedOn(),
                r.approvedSlots(), r.affordable(), r.premises().name(), r.leaseEndsOn(), r.completedOn(), r.classes(),
                r.synthetic(), r.version());
    }

    record ProviderRequest(String name, String divisionCode, String kind, Boolean filed, LocalDate filedOn,
                           Integer approvedSlots, Boolean affordable, String premises, LocalDate leaseEndsOn,
                           List<ProviderCommand.ClassInput> classes, Integer version, LocalDate completedOn) {
        ProviderCommand toCommand() {
            return new ProviderCommand(name, divisionCode, kind, filed, filedOn, approvedSlots, affordable, premises,
                    leaseEndsOn, classes, completedOn);
        }
    }

    record ProviderResponse(long id, String name, String divisionCode, String kind, boolean filed, LocalDate filedOn,
                            int approvedSlots, boolean affordable, String premises, LocalDate leaseEndsOn,
                            LocalDate completedOn, List<ChildcareClass> classes, boolean synthetic, int version) {
    }
}
