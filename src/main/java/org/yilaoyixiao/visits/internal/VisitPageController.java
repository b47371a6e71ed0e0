package org.yilaoyixiao.visits.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.visits.VisitPermissions;

/**
 * The visit pages: the visitor's phone page (today's and overdue visits), the recording form, a visit with its
 * photos, the supervisor's view, the target list with manual overrides, and the visit tab on a person's page.
 */
@Controller
class VisitPageController {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private final Visits visits;
    private final VisitPlans plans;
    private final TargetPopulation population;
    private final Scope scope;
    private final PersonDirectory persons;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final Clock clock;

    VisitPageController(Visits visits, VisitPlans plans, TargetPopulation population, Scope scope,
                        PersonDirectory persons, CurrentUsers currentUsers, MessageSource messages, Clock clock) {
        this.visits = visits;
        this.plans = plans;
        this.population = population;
        this.scope = scope;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    /** A task as a row of a page: with the person's name and whether it is overdue. */
    record TaskRow(Task task, String personName, String villageName, String due, boolean overdue,
                   boolean dueToday) {
    }

    private List<TaskRow> rows(List<Task> tasks) {
        Instant now = clock.instant();
        Instant endOfToday = Months.endOfDay(BusinessTime.today(clock));
        Map<String, String> villageNames = new HashMap<>();
        List<TaskRow> rows = new ArrayList<>();
        for (Task t : tasks) {
            String name = persons.find(t.personId()).map(PersonSummary::name).orElse("#" + t.personId());
            rows.add(new TaskRow(t, name, villageNames.computeIfAbsent(t.divisionCode(), scope::name),
                    SHOWN.format(t.dueAt()), t.dueAt().isBefore(now), !t.dueAt().isAfter(endOfToday)));
        }
        return rows;
    }

    @GetMapping("/visits")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    String mine(Model model) {
        List<TaskRow> rows = rows(plans.myTasks(currentUsers.require()));
        model.addAttribute("overdue", rows.stream().filter(TaskRow::overdue).toList());
        model.addAttribute("today", rows.stream().filter(r -> !r.overdue() && r.dueToday()).toList());
        model.addAttribute("later", rows.stream().filter(r -> !r.dueToday()).toList());
        return "visits/mine";
    }

    @GetMapping("/visits/tasks/{taskId}/record")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    String recordTask(@PathVariable long taskId, Model model) {
        CurrentUser actor = currentUsers.require();
        Task task = plans.task(taskId, actor);
        model.addAttribute("task", task);
        return form(scope.person(task.personId(), actor), model);
    }

    @GetMapping("/visits/persons/{personId}/record")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    String recordPerson(@PathVariable long personId, Model model) {
        return form(scope.person(personId, currentUsers.require()), model);
    }

    private String form(PersonSummary person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("village", scope.name(person.residenceDivisionCode()));
        model.addAttribute("areas", Checklist.AREAS);
        model.addAttribute("modes", Checklist.MODES);
        model.addAttribute("raises", Checklist.RAISES);
        model.addAttribute("services", Checklist.SERVICES);
        model.addAttribute("now", java.time.LocalDateTime.now(clock.withZone(BusinessTime.ZONE))
                .withSecond(0).withNano(0).toString());
        return "visits/record";
    }

    @GetMapping("/visits/{id}")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String visit(@PathVariable long id, Model model) {
        CurrentUser actor = currentUsers.require();
        VisitRecord visit = visits.visit(id, actor);
        model.addAttribute("visit", visit);
        model.addAttribute("visitedAt", SHOWN.format(visit.visitedAt()));
        model.addAttribute("person", scope.person(visit.personId(), actor));
        model.addAttribute("areas", Checklist.AREAS);
        return "visits/visit";
    }

    @PostMapping("/visits/{id}/photos")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    String addPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
                    RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            visits.addPhoto(id, file.getContentType(), file.getBytes(), currentUsers.require());
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", e.fieldProblems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
        }
        return "redirect:/visits/" + id;
    }

    @GetMapping("/visits/photos/{photoId}")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        VisitRepository.Photo photo = visits.photo(photoId, currentUsers.require());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "no-store").body(photo.content());
    }

    @GetMapping("/visits/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("personId", personId);
        model.addAttribute("visits", visits.history(personId, actor).stream()
                .map(v -> Map.of("visit", v, "at", SHOWN.format(v.visitedAt()))).toList());
        model.addAttribute("target", population.target(plans.currentMonth(), personId).orElse(null));
        model.addAttribute("overrides", plans.overridesOf(personId, actor));
        return "visits/tab :: visits";
    }

    @GetMapping("/visits/supervision")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String supervision(@RequestParam(required = false) String division, @RequestParam(required = false) String month,
                       Model model) {
        CurrentUser actor = currentUsers.require();
        YearMonth m = month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
        String code = scope.division(division, actor);
        model.addAttribute("division", code);
        model.addAttribute("divisionName", scope.name(code));
        model.addAttribute("month", m.toString());
        model.addAttribute("planned", plans.generated(m));
        model.addAttribute("progress", plans.progress(code, m, actor));
        model.addAttribute("overdue", rows(plans.overdue(code, null, actor)));
        model.addAttribute("changes", population.changes(m, scope.subtree(code)).stream()
                .map(c -> Map.of("change", c, "name", persons.find(c.personId()).map(PersonSummary::name)
                        .orElse("#" + c.personId()))).toList());
        model.addAttribute("raised", visits.raised(code, m));
        return "visits/supervision";
    }

    @PostMapping("/visits/supervision/generate")
    @PreAuthorize("hasAuthority('" + VisitPermissions.GENERATE + "')")
    String generate(@RequestParam String month, @RequestParam(required = false) String division,
                    RedirectAttributes redirect) {
        VisitPlans.Generated g = plans.generate(Months.parse(month, "month"), currentUsers.require().username());
        redirect.addFlashAttribute("generated", g);
        return "redirect:/visits/supervision?month=" + month + (division == null ? "" : "&division=" + division);
    }

    @PostMapping("/visits/tasks/{taskId}/visitor")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    String reassign(@PathVariable long taskId, @RequestParam String visitor,
                    @RequestParam(required = false) String division, RedirectAttributes redirect, Locale locale) {
        try {
            plans.reassign(taskId, visitor, currentUsers.require());
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage(
                    e.fieldProblems().isEmpty() ? e.detailKey() : e.fieldProblems().get(0).messageKey(),
                    e.detailArgs(), locale)));
        }
        return "redirect:/visits/supervision" + (division == null ? "" : "?division=" + division);
    }

    @GetMapping("/visits/targets")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String targets(@RequestParam(required = false) String division, @RequestParam(required = false) String month,
                   @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        YearMonth m = month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
        String code = scope.division(division, actor);
        var targets = population.targets(m, scope.subtree(code), PageRequest.of(page, 50));
        model.addAttribute("division", code);
        model.addAttribute("divisionName", scope.name(code));
        model.addAttribute("month", m.toString());
        model.addAttribute("page", targets);
        model.addAttribute("rows", targets.items().stream().map(t -> Map.of("target", t, "name",
                persons.find(t.personId()).map(PersonSummary::name).orElse("#" + t.personId()),
                "village", scope.name(t.divisionCode()))).toList());
        model.addAttribute("villages", plans.villages(code, actor));
        model.addAttribute("visitors", plans.villageVisitors(code, actor));
        return "visits/targets";
    }

    @PostMapping("/visits/overrides")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    String override(@RequestParam(required = false) Long personId, @RequestParam String kind,
                    @RequestParam String reason, @RequestParam(required = false) String fromMonth,
                    RedirectAttributes redirect, Locale locale) {
        try {
            if (personId == null) {
                throw ApiException.validation("personId", "REQUIRED", "visits.person.required");
            }
            plans.addOverride(personId, kind, reason, fromMonth, currentUsers.require());
            redirect.addFlashAttribute("saved", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", problems(e, locale));
        }
        return "redirect:/visits/targets";
    }

    @PostMapping("/visits/villages/visitor")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    String assign(@RequestParam String village, @RequestParam String visitor, RedirectAttributes redirect,
                  Locale locale) {
        try {
            plans.assignVillage(village, visitor, currentUsers.require());
            redirect.addFlashAttribute("saved", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", problems(e, locale));
        }
        return "redirect:/visits/targets";
    }

    private List<String> problems(ApiException e, Locale locale) {
        return e.messagesIn(messages, locale);
    }
}
