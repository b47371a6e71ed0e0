package org.yilaoyixiao.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "People registry")
class RelationsApiController {

    private final PersonRelations relations;
    private final CurrentUsers currentUsers;

    RelationsApiController(PersonRelations relations, CurrentUsers currentUsers) {
        this.relations = relations;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/persons/{id}/contacts")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    List<RelationsRepository.Contact> contacts(@PathVariable long id) {
        return relations.contacts(id, currentUsers.require());
    }

    @PostMapping("/persons/{id}/contacts")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    @Operation(summary = "Add a family or emergency contact, e.g. a son in Italy with his time zone")
    ResponseEntity<Map<String, Long>> addContact(@PathVariable long id,
                                                 @RequestBody PersonRelations.ContactCommand contact) {
        long contactId = relations.addContact(id, contact, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/contacts")).body(Map.of("id", contactId));
    }

    @GetMapping("/persons/{id}/guardians")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    List<RelationsRepository.Guardian> guardians(@PathVariable long id) {
        return relations.guardians(id, currentUsers.require());
    }

    @PostMapping("/persons/{id}/guardians")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    @Operation(summary = "Record a child's guardian and the guardian's consent (PIPL Art. 31)")
    ResponseEntity<Map<String, Long>> addGuardian(@PathVariable long id,
                                                  @RequestBody PersonRelations.GuardianCommand guardian) {
        long guardianId = relations.addGuardian(id, guardian, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/guardians")).body(Map.of("id", guardianId));
    }

    @GetMapping("/persons/{id}/household")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    RelationsRepository.Household householdOf(@PathVariable long id) {
        return relations.household(id, currentUsers.require())
                .orElseThrow(() -> ApiException.notFound("household.none", id));
    }

    @PostMapping("/households")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.WRITE + "')")
    @Operation(summary = "Create a household with its members (a person belongs to at most one household)")
    ResponseEntity<RelationsRepository.Household> createHousehold(@RequestBody HouseholdRequest request) {
        long id = relations.createHousehold(request.divisionCode(), request.address(), request.members(),
                currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/households/" + id))
                .body(relations.householdById(id, currentUsers.require()).orElseThrow());
    }

    @GetMapping("/households/{id}")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.READ + "')")
    RelationsRepository.Household household(@PathVariable long id) {
        return relations.householdById(id, currentUsers.require())
                .orElseThrow(() -> ApiException.notFound("household.not-found", id));
    }

    record HouseholdRequest(String divisionCode, String address, List<PersonRelations.MemberCommand> members) {
    }
}
