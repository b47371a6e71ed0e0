package org.yilaoyixiao.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCapabilityLevels;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.RegistryPermissions;
import org.yilaoyixiao.registry.Sex;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "People registry")
class PersonApiController {

    private final PersonRegister register;
    private final PersonSearch search;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final PersonCapabilityLevels capabilityLevels;

    PersonApiController(PersonRegister register, PersonSearch search, CurrentUsers currentUsers, Clock clock,
                        ObjectProvider<PersonCapabilityLevels> capabilityLevels) {
        this.register = register;
        this.search = search;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.capabilityLevels = capabilityLevels.getIfAvailable(() -> ids -> Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    @Operation(summary = "Register a person; the response never carries the full ID number")
    ResponseEntity<PersonResponse> create(@RequestBody PersonRequest request) {
        PersonRecord person = register.create(request.toCommand(), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id())).body(response(person));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    @Operation(summary = "A person's record (audited); outside the caller's scope: 404")
    PersonResponse get(@PathVariable long id) {
        return response(register.read(id, currentUsers.require()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    @Operation(summary = "Search within the caller's scope: idNumber (exact), division (with its subtree), category "
            + "(as of asOf, default today), q (name from its start, or a full ID number), livingSituation (all given), "
            + "economicStatus, status (default ACTIVE)")
    PageResponse<PersonResponse> search(@RequestParam(required = false) String idNumber,
                                        @RequestParam(required = false) String division,
                                        @RequestParam(required = false) PersonCategory category,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(required = false) Set<LivingSituation> livingSituation,
                                        @RequestParam(required = false) EconomicStatus economicStatus,
                                        @RequestParam(required = false) RecordStatus status,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        PersonSearch.Criteria criteria = new PersonSearch.Criteria(idNumber, division, category, q,
                livingSituation == null ? EnumSet.noneOf(LivingSituation.class) : livingSituation, economicStatus, status,
                asOf);
        LocalDate on = asOf != null ? asOf : BusinessTime.today(clock);
        PageResponse<PersonRecord> found = search.search(criteria, PageRequest.of(page, size), currentUsers.require());
        Map<Long, Integer> levels = capabilityLevels.currentLevels(found.items().stream().map(PersonRecord::id).toList());
        return found.map(p -> response(p, on, levels.get(p.id())));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    @Operation(summary = "Change a person's record; 'version' must be the one read, else 409")
    PersonResponse update(@PathVariable long id, @RequestBody PersonRequest request) {
        if (request.version() == null) {
            throw ApiException.validation("version", "REQUIRED", "person.version.required");
        }
        return response(register.update(id, request.version(), request.toCommand(), currentUsers.require()));
    }

    @PostMapping("/{id}/reveal-id")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.REVEAL_ID + "')")
    @Operation(summary = "The full ID number, for permitted roles only; every reveal is audited")
    RevealedIdNumber reveal(@PathVariable long id) {
        return new RevealedIdNumber(register.revealIdNumber(id, currentUsers.require()));
    }

    private PersonResponse response(PersonRecord p) {
        return response(p, BusinessTime.today(clock), capabilityLevels.currentLevels(List.of(p.id())).get(p.id()));
    }

    /** The record with age and category as of a date, and the current capability level if assessed. */
    private static PersonResponse response(PersonRecord p, LocalDate today, Integer capabilityLevel) {
        return new PersonResponse(p.id(), p.idNumberMasked(), p.name(), p.sex(), p.birthDate(), p.ageOn(today),
                p.categoryOn(today), p.phone(), p.residenceDivisionCode(), p.localHukou(), p.economicStatus(),
                p.livingSituation(), p.deathDate(), p.status(), capabilityLevel, p.version());
    }

    record PersonRequest(String idNumber, String name, String phone, String residenceDivisionCode, Boolean localHukou,
                         String economicStatus, List<String> livingSituation,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deathDate, String status,
                         Integer version) {
        PersonCommand toCommand() {
            return new PersonCommand(idNumber, name, phone, residenceDivisionCode, localHukou, economicStatus,
                    livingSituation, deathDate, status);
        }
    }

    record PersonResponse(long id, String idNumberMasked, String name, Sex sex, LocalDate birthDate, int age,
                          PersonCategory category, String phone, String residenceDivisionCode, boolean localHukou,
                          EconomicStatus economicStatus, Set<LivingSituation> livingSituation, LocalDate deathDate,
                          RecordStatus status, Integer capabilityLevel, int version) {
    }

    record RevealedIdNumber(String idNumber) {
    }
}
