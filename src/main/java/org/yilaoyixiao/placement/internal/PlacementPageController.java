package org.yilaoyixiao.placement.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RegistryPermissions;
import org.yilaoyixiao.workspace.WorkspacePermissions;

/**
 * The placement pages: the lists of elders in beds and infants in classes (paged, filtered, exported), a person's
 * placement history with discharge and transfer, the admission and enrolment forms (people and facilities chosen with
 * the pickers, the bed type or class from the chosen facility's own), and a provider's classes with their carers.
 */
@Controller
class PlacementPageController {

    static final int PAGE_SIZE = 50;
    private static final String READ = "hasAuthority('" + PlacementPermissions.READ + "')";
    private static final String MANAGE = "hasAuthority('" + PlacementPermissions.MANAGE + "')";
    private static final String CHILDREN = "hasAuthority('" + RegistryPermissions.READ_CHILDREN + "')";
    private static final String EXPORT = "hasAuthority('" + WorkspacePermissions.EXPORT_LISTS + "')";

    private final Placements placements;
    private final Enrolments enrolments;
    private final PlacementRepository placementRows;
    private final EnrolmentRepository enrolmentRows;
    private final PlacementList list;
    private final PlacementExport export;
    private final PlaceNames places;
    private final PlacementScope scope;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    PlacementPageController(Placements placements, Enrolments enrolments, PlacementRepository placementRows,
                            EnrolmentRepository enrolmentRows, PlacementList list, PlacementExport export,
                            PlaceNames places, PlacementScope scope, CurrentUsers currentUsers, Clock clock,
                            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.placements = placements;
        this.enrolments = enrolments;
        this.placementRows = placementRows;
        this.enrolmentRows = enrolmentRows;
        this.list = list;
        this.export = export;
        this.places = places;
        this.scope = scope;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lists

    @GetMapping("/placement")
    @PreAuthorize(READ)
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) Long institutionId,
                @RequestParam(required = false) PlacementKind kind, @RequestParam(required = false) BedType bedType,
                @RequestParam(required = false) PlacementList.Status status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) PlacementList.Sort sort,
                @RequestParam(defaultValue = "false") boolean deceased,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        PlacementList.PlacementFilter filter = new PlacementList.PlacementFilter(scope.listable(actor, division),
                institutionId, kind, bedType, status, from, to, deceased);
        PageResponse<PlacementList.PlacementRow> rows = list.placements(filter, sort, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("rows", rows.items());
        model.addAttribute("pager", Pager.of(rows));
        model.addAttribute("residences", places.of(rows.items().stream()
                .map(r -> r.person().residenceDivisionCode()).toList()));
        model.addAttribute("division", division);
        model.addAttribute("divisionName", places.name(division));
        model.addAttribute("institutionId", institutionId);
        model.addAttribute("institutionName", institutionId == null ? null
                : scope.institutionName(institutionId).orElse(null));
        model.addAttribute("kind", kind);
        model.addAttribute("deceased", deceased);
        model.addAttribute("bedType", bedType);
        model.addAttribute("status", status == null ? PlacementList.Status.CURRENT : status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort == null ? PlacementList.Sort.NEWEST : sort);
        model.addAttribute("kinds", PlacementKind.values());
        model.addAttribute("bedTypes", BedType.values());
        model.addAttribute("statuses", PlacementList.Status.values());
        model.addAttribute("sorts", PlacementList.Sort.values());
        model.addAttribute("today", today());
        model.addAttribute("tab", "placements");
        model.addAttribute("exportHref", exportHref("/placement/export"));
        return "placement/list";
    }

    @GetMapping("/placement/export")
    @PreAuthorize(READ + " and " + EXPORT)
    void exportPlacements(@RequestParam(required = false) String division,
                          @RequestParam(required = false) Long institutionId,
                          @RequestParam(required = false) PlacementKind kind,
                          @RequestParam(required = false) BedType bedType,
                          @RequestParam(required = false) PlacementList.Status status,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) PlacementList.Sort sort, Locale locale,
                          HttpServletResponse response) throws IOException {
        CurrentUser actor = currentUsers.require();
        PlacementList.PlacementFilter filter = new PlacementList.PlacementFilter(scope.listable(actor, division),
                institutionId, kind, bedType, status, from, to);
        Downloads.prepare(response, Downloads.XLSX, "床位安置名单-" + today() + ".xlsx");
        export.placements(filter, sort, today(), locale, describe("division", division, "institution", institutionId,
                "kind", kind, "bedType", bedType, "status", status, "from", from, "to", to), response.getOutputStream());
    }

    @GetMapping("/placement/enrolments")
    @PreAuthorize(READ + " and " + CHILDREN)
    String enrolmentList(@RequestParam(required = false) String division,
                         @RequestParam(required = false) Long providerId,
                         @RequestParam(required = false) PlacementList.Status status,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) PlacementList.Sort sort,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser actor = currentUsers.require();
        PlacementList.EnrolmentFilter filter = new PlacementList.EnrolmentFilter(scope.listable(actor, division),
                providerId, status, from, to);
        PageResponse<PlacementList.EnrolmentRow> rows = list.enrolments(filter, sort, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("rows", rows.items());
        model.addAttribute("pager", Pager.of(rows));
        model.addAttribute("residences", places.of(rows.items().stream()
                .map(r -> r.person().residenceDivisionCode()).toList()));
        model.addAttribute("division", division);
        model.addAttribute("divisionName", places.name(division));
        model.addAttribute("providerId", providerId);
        model.addAttribute("providerName", providerId == null ? null : scope.providerName(providerId).orElse(null));
        model.addAttribute("status", status == null ? PlacementList.Status.CURRENT : status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort == null ? PlacementList.Sort.NEWEST : sort);
        model.addAttribute("statuses", PlacementList.Status.values());
        model.addAttribute("sorts", PlacementList.Sort.values());
        model.addAttribute("today", today());
        model.addAttribute("tab", "enrolments");
        model.addAttribute("exportHref", exportHref("/placement/enrolments/export"));
        return "placement/enrolments";
    }

    @GetMapping("/placement/enrolments/export")
    @PreAuthorize(READ + " and " + CHILDREN + " and " + EXPORT)
    void exportEnrolments(@RequestParam(required = false) String division,
                          @RequestParam(required = false) Long providerId,
                          @RequestParam(required = false) PlacementList.Status status,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) PlacementList.Sort sort, Locale locale,
                          HttpServletResponse response) throws IOException {
        CurrentUser actor = currentUsers.require();
        PlacementList.EnrolmentFilter filter = new PlacementList.EnrolmentFilter(scope.listable(actor, division),
                providerId, status, from, to);
        Downloads.prepare(response, Downloads.XLSX, "入托名单-" + today() + ".xlsx");
        export.enrolments(filter, sort, today(), locale, describe("division", division, "provider", providerId,
                "status", status, "from", from, "to", to), response.getOutputStream());
    }

    // ---------------------------------------------------------------- a person's placements

    @GetMapping("/placement/persons/{personId}")
    @PreAuthorize(READ)
    String history(@PathVariable long personId, Model model) {
        CurrentUser actor = currentUsers.require();
        List<PlacementRecord> history = placements.history(personId, actor);
        PersonSummary person = scope.person(personId);
        model.addAttribute("person", person);
        model.addAttribute("age", person.ageOn(today()));
        model.addAttribute("residence", places.of(person.residenceDivisionCode()));
        model.addAttribute("history", history.stream().sorted(Comparator.comparing(PlacementRecord::fromDate)
                .thenComparing(PlacementRecord::id).reversed()).toList());
        Map<Long, String> names = new java.util.HashMap<>();
        history.forEach(p -> names.computeIfAbsent(p.institutionId(),
                id -> scope.institutionName(id).orElse("")));
        model.addAttribute("institutionNames", names);
        model.addAttribute("current", history.stream().filter(PlacementRecord::current).findFirst().orElse(null));
        model.addAttribute("kinds", PlacementKind.values());
        model.addAttribute("today", today());
        return "placement/history";
    }

    /** The tab on the person page: where the elder lives or lived, with a link to the page where it changes. */
    @GetMapping("/placement/persons/{personId}/tab")
    @PreAuthorize(READ)
    String tab(@PathVariable long personId, Model model) {
        history(personId, model);
        model.addAttribute("tabOnly", true);
        return "placement/history :: tab";
    }

    @PostMapping("/placement/placements/{id}/discharge")
    @PreAuthorize(MANAGE)
    String discharge(@PathVariable long id, @RequestParam long personId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                     @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            PlacementRecord ended = placements.discharge(id, on, reason, currentUsers.require());
            redirect.addFlashAttribute("done", "placement.discharged");
            return "redirect:/placement/persons/" + ended.personId();
        } catch (ApiException e) {
            if (e.code().status().value() == 404) {
                throw e;
            }
            refusal(model, e);
            return history(personId, model);
        }
    }

    @PostMapping("/placement/placements/{id}/transfer")
    @PreAuthorize(MANAGE)
    String transfer(@PathVariable long id, @RequestParam long personId, @RequestParam(required = false) String to,
                    @RequestParam(required = false) Long institutionId, @RequestParam(required = false) String bedType,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        placements.visiblePlacement(id, actor);
        try {
            scope.chosenInstitution(institutionId, "institutionId", actor);
            PlacementRecord next = placements.transfer(id, new Placements.Target(kind(to), institutionId, bedType),
                    on, actor);
            redirect.addFlashAttribute("done", "placement.transferred");
            return "redirect:/placement/persons/" + next.personId();
        } catch (ApiException e) {
            if (e.code().status().value() == 404) {
                throw e;
            }
            refusal(model, e);
            model.addAttribute("transferInstitutionId", institutionId);
            model.addAttribute("transferInstitutionName", institutionId == null ? null
                    : scope.institutionName(institutionId).orElse(null));
            return history(personId, model);
        }
    }

    private static PlacementKind kind(String value) {
        if (value == null || value.isBlank()) {
            return PlacementKind.INSTITUTION;
        }
        try {
            return PlacementKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("kind", "INVALID", "placement.kind.invalid");
        }
    }

    // ---------------------------------------------------------------- admission

    @GetMapping("/placement/admissions/new")
    @PreAuthorize(MANAGE)
    String admissionForm(@RequestParam(required = false) Long personId,
                         @RequestParam(required = false) Long institutionId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("institutionId", institutionId);
        return admissionForm(model);
    }

    /** The form; once an institution is chosen, its bed types with approved, occupied and free beds. */
    private String admissionForm(Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("kinds", PlacementKind.values());
        if (model.getAttribute("personId") instanceof Long personId) {
            scope.chosenPersonName(personId, actor).ifPresent(name -> model.addAttribute("personName", name));
        }
        if (model.getAttribute("institutionId") instanceof Long id) {
            model.addAttribute("institutionName", scope.institutionName(id).orElse(null));
            addBeds(model, id, actor);
        }
        return "placement/admission-form";
    }

    /** The bed types of the chosen institution (htmx, when the facility picker's choice changes). */
    @GetMapping("/placement/admissions/beds")
    @PreAuthorize(MANAGE)
    String beds(@RequestParam(required = false) Long institutionId, @RequestParam(required = false) String bedType,
                @RequestParam(defaultValue = "bedType") String field, Model model) {
        model.addAttribute("bedType", bedType);
        model.addAttribute("bedField", "transferBedType".equals(field) ? "transferBedType" : "bedType");
        if (institutionId != null) {
            addBeds(model, institutionId, currentUsers.require());
        }
        return "placement/admission-form :: beds";
    }

    private void addBeds(Model model, long institutionId, CurrentUser actor) {
        try {
            InstitutionSummary institution = scope.chosenInstitution(institutionId, "institutionId", actor);
            model.addAttribute("institution", institution);
            List<BedRow> beds = new ArrayList<>();
            for (BedType type : BedType.values()) {
                int approved = institution.approved(type);
                if (approved > 0) {
                    beds.add(new BedRow(type.name(), approved, placementRows.currentResidents(institutionId,
                            type.name())));
                }
            }
            model.addAttribute("beds", beds);
            model.addAttribute("familyBeds", placementRows.currentFamilyBeds(institutionId));
        } catch (ApiException e) {
            model.addAttribute("bedsProblem", e.fieldProblems().isEmpty() ? null : e.fieldProblems().get(0));
        }
    }

    /** Approved beds of a type and the residents in them, as the admission form shows them. */
    record BedRow(String type, int approved, int residents) {

        public int free() {
            return Math.max(0, approved - residents);
        }
    }

    @PostMapping("/placement/admissions")
    @PreAuthorize(MANAGE)
    String admit(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long institutionId,
                 @RequestParam(required = false) String kind, @RequestParam(required = false) String bedType,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        try {
            List<ApiException.FieldProblem> problems = new ArrayList<>();
            collect(problems, () -> scope.chosenPerson(personId, "personId", "placement.person.choose"));
            collect(problems, () -> scope.chosenInstitution(institutionId, "institutionId", actor));
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            PlacementRecord created = placements.admit(personId, new Placements.Target(kind(kind), institutionId,
                    bedType), from, actor);
            redirect.addFlashAttribute("done", "placement.admitted");
            return "redirect:/placement/persons/" + created.personId();
        } catch (ApiException e) {
            refusal(model, e);
            model.addAttribute("personId", personId);
            model.addAttribute("institutionId", institutionId);
            model.addAttribute("kind", kind);
            model.addAttribute("bedType", bedType);
            model.addAttribute("from", from);
            return admissionForm(model);
        }
    }

    // ---------------------------------------------------------------- enrolment

    @GetMapping("/placement/enrolments/new")
    @PreAuthorize(MANAGE)
    String enrolmentForm(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long providerId,
                         Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("providerId", providerId);
        return enrolmentForm(model);
    }

    private String enrolmentForm(Model model) {
        CurrentUser actor = currentUsers.require();
        if (model.getAttribute("personId") instanceof Long personId) {
            scope.chosenPersonName(personId, actor).ifPresent(name -> model.addAttribute("personName", name));
        }
        if (model.getAttribute("providerId") instanceof Long id) {
            model.addAttribute("providerName", scope.providerName(id).orElse(null));
            addClasses(model, id, actor);
        }
        return "placement/enrolment-form";
    }

    /** The classes of the chosen provider (htmx, when the facility picker's choice changes). */
    @GetMapping("/placement/enrolments/classes")
    @PreAuthorize(MANAGE)
    String classes(@RequestParam(required = false) Long providerId, @RequestParam(required = false) Long classId,
                   Model model) {
        model.addAttribute("classId", classId);
        if (providerId != null) {
            addClasses(model, providerId, currentUsers.require());
        }
        return "placement/enrolment-form :: classes";
    }

    private void addClasses(Model model, long providerId, CurrentUser actor) {
        try {
            ChildcareProviderSummary provider = scope.chosenProvider(providerId, "providerId", actor);
            model.addAttribute("provider", provider);
            model.addAttribute("classes", classRows(provider));
            model.addAttribute("providerEnrolled", enrolmentRows.currentInProvider(providerId));
        } catch (ApiException e) {
            model.addAttribute("classesProblem", e.fieldProblems().isEmpty() ? null : e.fieldProblems().get(0));
        }
    }

    private List<ClassRow> classRows(ChildcareProviderSummary provider) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return provider.classes().stream().map(c -> {
            int enrolled = enrolmentRows.currentInClass(c.id()).size();
            int carers = enrolmentRows.carers(c.id()).orElse(0);
            String label = messages.getMessage("placement.class-option", new Object[] {
                    messages.getMessage("class-type." + c.type().name(), null, locale), c.capacity(), enrolled,
                    carers}, locale) + (enrolled >= c.capacity()
                    ? messages.getMessage("placement.class.full", null, locale) : "");
            return new ClassRow(c.id(), c.type().name(), c.capacity(), enrolled, carers, label);
        }).toList();
    }

    /** A class as the enrolment form and the carers page list it; {@code label} is the option text. */
    record ClassRow(long id, String type, int capacity, int enrolled, int carers, String label) {
    }

    @PostMapping("/placement/enrolments")
    @PreAuthorize(MANAGE)
    String enrol(@RequestParam(required = false) Long personId, @RequestParam(required = false) Long providerId,
                 @RequestParam(required = false) Long classId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 Model model, RedirectAttributes redirect) {
        CurrentUser actor = currentUsers.require();
        try {
            List<ApiException.FieldProblem> problems = new ArrayList<>();
            collect(problems, () -> scope.chosenPerson(personId, "personId", "enrolment.child.choose"));
            collect(problems, () -> scope.chosenProvider(providerId, "providerId", actor));
            if (classId == null && providerId != null) {
                problems.add(new ApiException.FieldProblem("classId", "REQUIRED", "enrolment.class.choose",
                        new Object[0]));
            }
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            enrolments.enrol(personId, providerId, classId, from, actor);
            redirect.addFlashAttribute("done", "placement.enrolled-done");
            return "redirect:/placement/enrolments?providerId=" + providerId;
        } catch (ApiException e) {
            refusal(model, e);
            model.addAttribute("personId", personId);
            model.addAttribute("providerId", providerId);
            model.addAttribute("classId", classId);
            model.addAttribute("from", from);
            return enrolmentForm(model);
        }
    }

    // ---------------------------------------------------------------- a provider's classes and carers

    @GetMapping("/placement/providers/{providerId}/classes")
    @PreAuthorize(READ)
    String providerClasses(@PathVariable long providerId, Model model) {
        ChildcareProviderSummary provider = scope.provider(providerId, currentUsers.require());
        model.addAttribute("provider", provider);
        model.addAttribute("classes", classRows(provider));
        model.addAttribute("providerEnrolled", enrolmentRows.currentInProvider(providerId));
        return "placement/classes";
    }

    @PostMapping("/placement/classes/carers")
    @PreAuthorize(MANAGE)
    String recordCarers(@RequestParam long providerId, @RequestParam long classId,
                        @RequestParam(required = false) Integer carers, Model model, RedirectAttributes redirect) {
        try {
            enrolments.recordCarers(providerId, classId, carers, currentUsers.require());
            redirect.addFlashAttribute("done", "placement.carers-saved");
            return "redirect:/placement/providers/" + providerId + "/classes";
        } catch (ApiException e) {
            if (e.code().status().value() == 404) {
                throw e;
            }
            refusal(model, e);
            return providerClasses(providerId, model);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The export of the list as shown: the same filters, every page. */
    private static String exportHref(String path) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .replacePath(path).replaceQueryParam("page").build().toUriString();
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private static void collect(List<ApiException.FieldProblem> problems, Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            problems.addAll(e.fieldProblems());
        }
    }

    /** The filters of an export for the audit trail: name=value pairs, empty ones left out. */
    private static String describe(Object... pairs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].toString().isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(pairs[i]).append('=').append(pairs[i + 1]);
            }
        }
        return text.toString();
    }

    /** Every reason of a refusal in the clerk's words, and the fields it names. */
    private static void refusal(Model model, ApiException e) {
        List<Refusal> reasons = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        if (e.fieldProblems().isEmpty()) {
            reasons.add(new Refusal(e.detailKey(), e.detailArgs()));
        }
        for (ApiException.FieldProblem problem : e.fieldProblems()) {
            reasons.add(new Refusal(problem.messageKey(), problem.args()));
            fields.add(problem.field());
        }
        model.addAttribute("refusals", reasons);
        model.addAttribute("invalidFields", fields);
        model.addAttribute("refusalCode", e.code().name());
    }

    /** One reason a form was refused: a message key and its arguments. */
    record Refusal(String key, Object[] args) {
    }
}
