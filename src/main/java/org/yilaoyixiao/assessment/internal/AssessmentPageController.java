package org.yilaoyixiao.assessment.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import java.time.Clock;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.workspace.WorkspacePermissions;

/** The assessment pages: the tab on a person's page, the tablet form, the printable result. */
@Controller
class AssessmentPageController {

    private static final String ITEM_PREFIX = "item-";
    private static final int PAGE_SIZE = 50;
    private static final int EXPORT_ROWS = 200_000;

    private final Assessments assessments;
    private final ReassessmentSchedule schedule;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final LegacyAssessments legacy;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final Clock clock;

    AssessmentPageController(Assessments assessments, ReassessmentSchedule schedule, CurrentUsers currentUsers,
                             MessageSource messages, LegacyAssessments legacy, DivisionDirectory divisions,
                             AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.legacy = legacy;
        this.divisions = divisions;
        this.assessments = assessments;
        this.schedule = schedule;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/assessment/due")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    String due(@RequestParam(required = false) String division, @RequestParam(required = false) Integer level,
               @RequestParam(required = false) Boolean first, @RequestParam(defaultValue = "0") int page,
               Model model) {
        var actor = currentUsers.require();
        if (level != null && (level < 0 || level > 4)) {
            throw ApiException.validation("level", "RANGE", "assessment.level.range");
        }
        var rows = schedule.page(new ReassessmentSchedule.Filter(division, level, first),
                new PageRequest(page, PAGE_SIZE), actor);
        model.addAttribute("rows", rows.items());
        model.addAttribute("pager", Pager.of(rows));
        model.addAttribute("division", division);
        model.addAttribute("divisionName", division == null || division.isBlank() ? null
                : divisions.find(division.strip()).map(d -> d.name()).orElse(null));
        model.addAttribute("level", level);
        model.addAttribute("first", first);
        model.addAttribute("levels", java.util.List.of(0, 1, 2, 3, 4));
        model.addAttribute("residences", places(rows.items().stream()
                .map(ReassessmentSchedule.DueRow::residenceDivisionCode).toList()));
        model.addAttribute("today", BusinessTime.today(clock));
        model.addAttribute("exportHref", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentRequest().replacePath("/assessment/due/export").replaceQueryParam("page").build()
                .toUriString());
        return "assessment/due";
    }

    @GetMapping("/assessment/due/export")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "') and hasAuthority('"
            + WorkspacePermissions.EXPORT_LISTS + "')")
    void exportDue(@RequestParam(required = false) String division, @RequestParam(required = false) Integer level,
                   @RequestParam(required = false) Boolean first, Locale locale,
                   jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var actor = currentUsers.require();
        LocalDate today = BusinessTime.today(clock);
        var filter = new ReassessmentSchedule.Filter(division, level, first);
        List<String> headers = java.util.stream.Stream.of("name", "id-number", "age", "residence", "last-assessed-on",
                        "scheme", "level", "due-on")
                .map(k -> messages.getMessage("assessment.export.column." + k, null, locale)).toList();
        Downloads.prepare(response, Downloads.XLSX, "待评估名单-" + today + ".xlsx");
        try (ListSheet sheet = new ListSheet(messages.getMessage("assessment.export.sheet", null, locale), headers)) {
            Map<String, String> names = new java.util.HashMap<>();
            schedule.each(filter, EXPORT_ROWS, actor, row -> sheet.add(java.util.Arrays.asList(row.name(),
                    row.idNumberMasked(), row.ageOn(today),
                    names.computeIfAbsent(row.residenceDivisionCode(), this::place),
                    row.due().lastAssessedOn(), row.due().scheme(), levelText(row.due(), locale),
                    row.due().dueOn())));
            sheet.writeTo(response.getOutputStream());
            audit.record(AuditRecord.success("LIST_EXPORTED", "assessments-due",
                    "division=" + (division == null ? "" : division) + " level=" + (level == null ? "" : level)
                            + " first=" + (first == null ? "" : first) + " rows=" + sheet.rows()));
        }
    }

    private String levelText(ReassessmentSchedule.Due due, Locale locale) {
        return due.currentLevel() != null
                ? messages.getMessage("capability-level." + due.currentLevel(), null, locale)
                : messages.getMessage("legacy-level." + due.legacyLevel(), null, locale);
    }

    private Map<String, String> places(List<String> codes) {
        Map<String, String> names = new java.util.HashMap<>();
        codes.forEach(code -> names.computeIfAbsent(code, this::place));
        return names;
    }

    /** "鹤城街道 › 江南社区", without the county everyone shares. */
    private String place(String code) {
        if (code == null) {
            return "";
        }
        var path = divisions.path(code);
        return path.stream().skip(Math.min(1, Math.max(0, path.size() - 1))).map(d -> d.name())
                .collect(java.util.stream.Collectors.joining(" › "));
    }

    @GetMapping("/assessment/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("assessments", assessments.history(personId, currentUsers.require()));
        model.addAttribute("legacy", legacy.history(personId, currentUsers.require()));
        return "assessment/tab :: assessments";
    }

    @GetMapping("/assessment/persons/{personId}/new")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    String form(@PathVariable long personId, Model model) {
        model.addAttribute("person", assessments.person(personId, currentUsers.require()));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
            model.addAttribute("assessors", List.of());
        }
        model.addAttribute("items", AssessmentItems.standard());
        model.addAttribute("groups", AssessmentItems.GROUPS);
        model.addAttribute("reasons", AssessmentReason.values());
        return "assessment/form";
    }

    @PostMapping("/assessment/persons/{personId}")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    String record(@PathVariable long personId, @RequestParam Map<String, String> form,
                  @RequestParam(required = false) List<String> assessors, Model model, Locale locale) {
        try {
            AssessmentRecord created = assessments.record(AssessmentRequestReader.read(request(personId, form,
                    assessors)), currentUsers.require());
            return "redirect:/assessment/" + created.id();
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            model.addAttribute("problems", e.fieldProblems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
            // what was entered stays on the form: 26 items are not typed twice because one field was missing
            model.addAttribute("values", form);
            model.addAttribute("assessors", assessors == null ? List.of() : assessors);
            return form(personId, model);
        }
    }

    @GetMapping("/assessment/{id}")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    String result(@PathVariable long id, Model model) {
        AssessmentRecord assessment = assessments.assessment(id, currentUsers.require());
        model.addAttribute("assessment", assessment);
        model.addAttribute("person", assessments.person(assessment.personId(), currentUsers.require()));
        model.addAttribute("items", AssessmentItems.standard());
        model.addAttribute("groups", AssessmentItems.GROUPS);
        model.addAttribute("scores", assessments.itemScores(id));
        return "assessment/result";
    }

    private static AssessmentRequestReader.Request request(long personId, Map<String, String> form,
                                                           List<String> assessors) {
        Map<String, Integer> items = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ITEM_PREFIX) && value != null && value.matches("-?\\d{1,3}")) {
                items.put(name.substring(ITEM_PREFIX.length()), Integer.parseInt(value));
            }
        });
        String diagnoses = form.getOrDefault("diagnoses", "");
        List<String> codes = Arrays.stream(diagnoses.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
        String risk = form.getOrDefault("riskEventsLast30Days", "");
        return new AssessmentRequestReader.Request(personId, date(form.get("assessedOn")), form.get("reason"),
                form.get("place"), assessors, items, "true".equals(form.get("coma")), codes,
                risk.matches("\\d{1,4}") ? Integer.valueOf(risk) : 0);
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
