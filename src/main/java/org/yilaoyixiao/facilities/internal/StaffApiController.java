package org.yilaoyixiao.facilities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff of institutions and childcare providers")
class StaffApiController {

    private final Staff staff;
    private final CurrentUsers currentUsers;

    StaffApiController(Staff staff, CurrentUsers currentUsers) {
        this.staff = staff;
        this.currentUsers = currentUsers;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.MANAGE + "')")
    @Operation(summary = "Register a member of staff of one institution or provider, with certificates and titles")
    ResponseEntity<StaffResponse> create(@RequestBody Staff.Command request) {
        StaffRecord created = staff.create(request, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id())).body(response(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "A member of staff; outside the caller's scope: 404")
    StaffResponse get(@PathVariable long id) {
        return response(staff.read(id, currentUsers.require()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "Staff in a division's subtree, by role, employer; certifiedOn: only those with a certificate "
            + "valid that day (expired certificates do not count)")
    PageResponse<StaffResponse> search(@RequestParam(required = false) String division,
                                       @RequestParam(required = false) StaffRole role,
                                       @RequestParam(required = false) Long institutionId,
                                       @RequestParam(required = false) Long providerId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       LocalDate certifiedOn,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        LocalDate today = staff.today();
        return staff.search(division, role, institutionId, providerId, certifiedOn, PageRequest.of(page, size),
                currentUsers.require()).map(s -> response(s, today));
    }

    @GetMapping("/certified-count")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "How many staff of a role (default ELDERLY_CARER) hold a valid certificate as of a date")
    CertifiedCount certifiedCount(@RequestParam(required = false) String division,
                                  @RequestParam(required = false) StaffRole role,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate asOf) {
        StaffRole counted = role == null ? StaffRole.ELDERLY_CARER : role;
        LocalDate on = asOf == null ? staff.today() : asOf;
        return new CertifiedCount(counted.name(), on, staff.certifiedCount(division, counted, on, currentUsers.require()));
    }

    @GetMapping("/certificates/expiring")
    @PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
    @Operation(summary = "Certificates valid today that expire within 'days' days (default 90), soonest first")
    List<StaffRepository.ExpiringCertificate> expiring(@RequestParam(required = false) String division,
                                                       @RequestParam(defaultValue = "90") int days) {
        return staff.expiring(division, days, currentUsers.require());
    }

    private StaffResponse response(StaffRecord s) {
        return response(s, staff.today());
    }

    static StaffResponse response(StaffRecord s, LocalDate today) {
        return new StaffResponse(s.id(), s.name(), s.role().name(), s.institutionId(), s.providerId(),
                s.divisionCode(), s.certifiedOn(today), s.certificates(), s.talentTitles(), s.synthetic());
    }

    record StaffResponse(long id, String name, String role, Long institutionId, Long providerId, String divisionCode,
                         boolean certified, List<Certificate> certificates, Set<TalentTitle> talentTitles,
                         boolean synthetic) {
    }

    record CertifiedCount(String role, LocalDate asOf, long count) {
    }
}
