package org.yilaoyixiao.facilities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/v1/care-centres")
@Tag(name = "Community care centres")
class CareCentreApiController {

    private final CareCentres centres;
    private final CurrentUsers currentUsers;

    CareCentreApiController(CareCentres centres, CurrentUsers currentUsers) {
        this.centres = centres;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Register a community facility with the services it offers")
    ResponseEntity<CareCentreRecord> create(@RequestBody CareCentres.Command request) {
        CareCentreRecord created = centres.create(request, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/care-centres/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "A community facility; outside the caller's scope: 404")
    CareCentreRecord get(@PathVariable long id) {
        return centres.read(id, currentUsers.require());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "Community facilities in a division's subtree (default: the caller's scope), by kind, service")
    PageResponse<CareCentreRecord> search(@RequestParam(required = false) String division,
                                          @RequestParam(required = false) CareCentreKind kind,
                                          @RequestParam(required = false) CommunityService service,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return centres.search(division, kind, service, PageRequest.of(page, size), currentUsers.require());
    }
}
