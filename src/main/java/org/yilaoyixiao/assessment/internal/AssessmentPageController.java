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

/** The assessment pages: the tab on a person's page, the tablet form, the printable result. */
@Controller
class AssessmentPageController {

    private static final String ITEM_PREFIX = "item-";

    private final Assessments assessments;
    private final ReassessmentSchedule schedule;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final LegacyAssessments legacy;
    private final DivisionDirectory divisions;

    AssessmentPageController(Assessments assessments, ReassessmentSchedule schedule, CurrentUsers currentUsers,
                             MessageSource messages, LegacyAssessments legacy, DivisionDirectory divisions) {
        this.legacy = legacy;
        this.divisions = divisions;
        this.assessments = assessments;
        this.schedule = schedule;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/assessment/due")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.READ + "')")
    String due(@RequestParam(required = false) String division, Model model) {
        var actor = currentUsers.require();
        model.addAttribute("division", division);
        // the areas one level below the user's scope: townships for county staff, villages for a township
        model.addAttribute("areas", divisions.children(actor.divisionCode()));
        model.addAttribute("due", schedule.due(division, actor).stream()
                .map(d -> Map.of("due", d, "person", assessments.person(d.personId(), actor))).toList());
        return "assessment/due";
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
            model.addAttribute("problems", e.fieldProblems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
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
