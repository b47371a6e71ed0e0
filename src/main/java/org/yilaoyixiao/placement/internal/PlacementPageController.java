package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** Admission and enrolment forms, the current placements and enrolments, and a person's placement history. */
@Controller
class PlacementPageController {

    private final Placements placements;
    private final Enrolments enrolments;
    private final PlacementRepository placementRows;
    private final EnrolmentRepository enrolmentRows;
    private final PlacementScope scope;
    private final CurrentUsers currentUsers;

    PlacementPageController(Placements placements, Enrolments enrolments, PlacementRepository placementRows,
                            EnrolmentRepository enrolmentRows, PlacementScope scope, CurrentUsers currentUsers) {
        this.placements = placements;
        this.enrolments = enrolments;
        this.placementRows = placementRows;
        this.enrolmentRows = enrolmentRows;
        this.scope = scope;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/placement")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.READ + "')")
    String list(@RequestParam(required = false) String division, Model model) {
        var codes = scope.listable(currentUsers.require(), division);
        model.addAttribute("division", division);
        model.addAttribute("placements", placementRows.currentIn(codes));
        model.addAttribute("enrolments", enrolmentRows.currentIn(codes));
        return "placement/list";
    }

    @GetMapping("/placement/persons/{personId}")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.READ + "')")
    String history(@PathVariable long personId, Model model) {
        model.addAttribute("person", scope.person(personId));
        var history = placements.history(personId, currentUsers.require());
        model.addAttribute("history", history);
        model.addAttribute("current", history.stream().filter(PlacementRecord::current).findFirst().orElse(null));
        model.addAttribute("bedTypes", BedType.values());
        model.addAttribute("kinds", PlacementKind.values());
        return "placement/history";
    }

    @PostMapping("/placement/placements/{id}/discharge")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String discharge(@PathVariable long id, @RequestParam long personId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                     @RequestParam(required = false) String reason, Model model) {
        try {
            placements.discharge(id, on, reason, currentUsers.require());
            return "redirect:/placement/persons/" + personId;
        } catch (ApiException e) {
            refusal(model, e);
            return history(personId, model);
        }
    }

    @PostMapping("/placement/placements/{id}/transfer")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String transfer(@PathVariable long id, @RequestParam long personId, @RequestParam(required = false) String to,
                    @RequestParam(required = false) Long institutionId, @RequestParam(required = false) String bedType,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    Model model) {
        try {
            placements.transfer(id, new Placements.Target(kind(to), institutionId, bedType), on,
                    currentUsers.require());
            return "redirect:/placement/persons/" + personId;
        } catch (ApiException e) {
            refusal(model, e);
            return history(personId, model);
        }
    }

    private static PlacementKind kind(String value) {
        return value == null || value.isBlank() ? PlacementKind.INSTITUTION : PlacementKind.valueOf(value);
    }

    @GetMapping("/placement/admissions/new")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String admissionForm(@RequestParam(required = false) Long institutionId, Model model) {
        model.addAttribute("institutionId", institutionId);
        return admissionForm(model);
    }

    /** The form, with the institution's beds (approved, residents) once an institution number is given. */
    private String admissionForm(Model model) {
        model.addAttribute("bedTypes", BedType.values());
        model.addAttribute("kinds", PlacementKind.values());
        Object institutionId = model.getAttribute("institutionId");
        if (institutionId instanceof Long id) {
            try {
                InstitutionSummary institution = scope.institution(id, currentUsers.require());
                model.addAttribute("institution", institution);
                model.addAttribute("beds", java.util.Arrays.stream(BedType.values()).map(t -> new BedRow(t.name(),
                        institution.approved(t), placementRows.currentResidents(id, t.name()))).toList());
            } catch (ApiException e) {
                if (!model.containsAttribute("refusalKey")) {
                    refusal(model, e);
                }
            }
        }
        return "placement/admission-form";
    }

    /** Approved beds of a type and the residents in them, as the admission form shows them. */
    record BedRow(String type, int approved, int residents) {
    }

    @PostMapping("/placement/admissions")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String admit(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long institutionId,
                 @RequestParam(required = false) String kind, @RequestParam(required = false) String bedType,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 Model model) {
        try {
            requireIds(personId, institutionId);
            PlacementRecord created = placements.admit(personId, new Placements.Target(kind(kind), institutionId,
                    bedType), from, currentUsers.require());
            return "redirect:/placement/persons/" + created.personId();
        } catch (ApiException e) {
            refusal(model, e);
            model.addAttribute("personId", personId);
            model.addAttribute("institutionId", institutionId);
            model.addAttribute("from", from);
            return admissionForm(model);
        }
    }

    @GetMapping("/placement/enrolments/new")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String enrolmentForm(@RequestParam(required = false) Long providerId, Model model) {
        model.addAttribute("providerId", providerId);
        return enrolmentForm(model, providerId);
    }

    /** The form, with the provider's classes (enrolled children, carers) once a provider number is given. */
    private String enrolmentForm(Model model, Long providerId) {
        if (providerId != null && !model.containsAttribute("classes")) {
            try {
                ChildcareProviderSummary provider = scope.provider(providerId, currentUsers.require());
                model.addAttribute("provider", provider);
                model.addAttribute("classes", provider.classes().stream().map(c -> new ClassRow(c.id(), c.type().name(),
                        c.capacity(), enrolmentRows.currentInClass(c.id()).size(),
                        enrolmentRows.carers(c.id()).orElse(0))).toList());
            } catch (ApiException e) {
                if (!model.containsAttribute("refusalKey")) {
                    refusal(model, e);
                }
            }
        }
        return "placement/enrolment-form";
    }

    /** A class as the enrolment form lists it. */
    record ClassRow(long id, String type, int capacity, int enrolled, int carers) {
    }

    @PostMapping("/placement/classes/carers")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String recordCarers(@RequestParam long providerId, @RequestParam long classId,
                        @RequestParam(required = false) Integer carers, Model model) {
        try {
            enrolments.recordCarers(providerId, classId, carers, currentUsers.require());
            return "redirect:/placement/enrolments/new?providerId=" + providerId;
        } catch (ApiException e) {
            refusal(model, e);
            model.addAttribute("providerId", providerId);
            return enrolmentForm(model, providerId);
        }
    }

    @PostMapping("/placement/enrolments")
    @PreAuthorize("hasAuthority('" + PlacementPermissions.MANAGE + "')")
    String enrol(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long providerId,
                 @RequestParam(required = false) Long classId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 Model model) {
        try {
            requireIds(personId, providerId);
            requireIds(classId, classId);
            enrolments.enrol(personId, providerId, classId, from, currentUsers.require());
            return "redirect:/placement";
        } catch (ApiException e) {
            refusal(model, e);
            model.addAttribute("personId", personId);
            model.addAttribute("providerId", providerId);
            model.addAttribute("classId", classId);
            model.addAttribute("from", from);
            return enrolmentForm(model, providerId);
        }
    }

    private static void requireIds(Long first, Long second) {
        if (first == null || second == null) {
            throw ApiException.validation("personId", "REQUIRED", "placement.ids.required");
        }
    }

    private static void refusal(Model model, ApiException e) {
        if (!e.fieldProblems().isEmpty()) {
            var problem = e.fieldProblems().get(0);
            model.addAttribute("refusalKey", problem.messageKey());
            model.addAttribute("refusalArgs", problem.args());
        } else {
            model.addAttribute("refusalKey", e.detailKey());
            model.addAttribute("refusalArgs", e.detailArgs());
        }
        model.addAttribute("refusalCode", e.code().name());
    }
}
