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
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.workspace.WorkspacePermissions;
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

    static final int SUPERVISION_OVERDUE_ROWS = 10;
    static final int SUPERVISION_RAISED_ROWS = 20;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private final Visits visits;
    private final VisitPlans plans;
    private final TargetPopulation population;
    private final Scope scope;
    private final PersonDirectory persons;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final Clock clock;
    private final TaskCards cards;
    private final Visitors visitors;
    private final AuditTrail audit;
    private final RaisedOrders raisedOrders;

    VisitPageController(Visits visits, VisitPlans plans, TargetPopulation population, Scope scope,
                        PersonDirectory persons, CurrentUsers currentUsers, MessageSource messages, Clock clock,
                        TaskCards cards, Visitors visitors, AuditTrail audit, RaisedOrders raisedOrders) {
        this.raisedOrders = raisedOrders;
        this.cards = cards;
        this.visitors = visitors;
        this.audit = audit;
        this.visits = visits;
        this.plans = plans;
        this.population = population;
        this.scope = scope;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/visits")
    @PreAuthorize("hasAuthority('" + VisitPermissions.RECORD + "')")
    String mine(@RequestParam(required = false) Integer page, Model model) {
        PageResponse<Task> mine = plans.myTasks(currentUsers.require(), PageRequest.of(page, 50));
        List<TaskCards.Card> rows = cards.of(mine.items());
        model.addAttribute("overdue", rows.stream().filter(TaskCards.Card::overdue).toList());
        model.addAttribute("today", rows.stream().filter(r -> !r.overdue() && r.dueToday()).toList());
        model.addAttribute("later", rows.stream().filter(r -> !r.dueToday()).toList());
        model.addAttribute("pager", Pager.of(mine));
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
        model.addAttribute("contact", contacts(person.id()));
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
        model.addAttribute("visitorName", visitors.names(List.of(visit.visitor()))
                .getOrDefault(visit.visitor(), visit.visitor()));
        model.addAttribute("areas", Checklist.AREAS);
        orders(visit, model);
        return "visits/visit";
    }

    /** The orders the visit's needs raised: refreshed by the page while one is still being raised. */
    @GetMapping("/visits/{id}/orders")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String orders(@PathVariable long id, Model model) {
        orders(visits.visit(id, currentUsers.require()), model);
        return "visits/visit :: orders";
    }

    private void orders(VisitRecord visit, Model model) {
        List<RaisedOrders.Line> lines = raisedOrders.of(visit);
        model.addAttribute("visit", visit);
        model.addAttribute("orders", lines);
        model.addAttribute("ordersPending", RaisedOrders.anyPending(lines));
        // the services module's permission by name: visits does not depend on services (services listens to visits)
        model.addAttribute("canSeeOrders", currentUsers.has("services.orders.read"));
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
        List<VisitRecord> history = visits.history(personId, actor);
        Map<String, String> names = visitors.names(history.stream().map(VisitRecord::visitor).toList());
        model.addAttribute("visits", history.stream().limit(200)
                .map(v -> Map.of("visit", v, "at", SHOWN.format(v.visitedAt()),
                        "visitor", names.getOrDefault(v.visitor(), v.visitor()))).toList());
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
        VisitPlans.Progress progress = plans.progress(code, m, actor);
        model.addAttribute("progress", progress);
        model.addAttribute("visitorNames", visitors.names(progress.visitors().stream()
                .map(VisitPlans.VisitorProgress::visitor).toList()));
        PageResponse<Task> overdue = plans.overdue(code, null, actor, new PageRequest(0, SUPERVISION_OVERDUE_ROWS));
        model.addAttribute("overdue", cards.of(overdue.items()));
        model.addAttribute("overdueTotal", overdue.totalElements());
        Map<String, Long> changes = population.changeCounts(m, scope.subtree(code));
        model.addAttribute("added", changes.getOrDefault("ADDED", 0L));
        model.addAttribute("removed", changes.getOrDefault("REMOVED", 0L));
        List<Map<String, Object>> raised = visits.raised(code, m);
        Map<Long, String> raisedNames = cards.names(raised.stream()
                .map(r -> ((Number) r.get("person_id")).longValue()).toList());
        model.addAttribute("raised", raised.stream().limit(SUPERVISION_RAISED_ROWS).toList());
        model.addAttribute("raisedTotal", raised.size());
        model.addAttribute("raisedNames", raisedNames);
        return "visits/supervision";
    }

    /** The overdue visits of a division: paged, by visitor, with the elder's village and contact. */
    @GetMapping("/visits/overdue")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String overdue(@RequestParam(required = false) String division, @RequestParam(required = false) String visitor,
                   @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        String code = scope.division(division, actor);
        String who = visitor == null || visitor.isBlank() ? null : visitor.strip();
        PageResponse<Task> overdue = plans.overdue(code, who, actor, PageRequest.of(page, 50));
        model.addAttribute("division", code);
        model.addAttribute("divisionName", scope.name(code));
        model.addAttribute("visitor", who);
        model.addAttribute("visitorName", who == null ? null : visitors.names(List.of(who)).getOrDefault(who, who));
        model.addAttribute("rows", cards.of(overdue.items()));
        model.addAttribute("pager", Pager.of(overdue));
        return "visits/overdue";
    }

    @GetMapping("/visits/overdue/export")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "') and hasAuthority('"
            + WorkspacePermissions.EXPORT_LISTS + "')")
    void exportOverdue(@RequestParam(required = false) String division,
                       @RequestParam(required = false) String visitor, HttpServletResponse response, Locale locale)
            throws IOException {
        CurrentUser actor = currentUsers.require();
        String code = scope.division(division, actor);
        Map<String, String> villageNames = new HashMap<>();
        Map<String, String> visitorNames = new HashMap<>();
        try (ListSheet sheet = new ListSheet(text("visits.overdue.title", locale), List.of(
                text("visits.person", locale), text("visits.id-number", locale), text("visits.division-name", locale),
                text("visits.kind", locale), text("visits.due-at", locale), text("visits.visitor", locale)))) {
            plans.eachOverdue(code, visitor, actor, listed -> {
                Task t = listed.task();
                String who = t.visitor() == null ? text("visits.unassigned", locale)
                        : visitorNames.computeIfAbsent(t.visitor(),
                        u -> visitors.names(List.of(u)).getOrDefault(u, u));
                sheet.add(java.util.Arrays.asList(listed.name(), listed.idNumberMasked(),
                        villageNames.computeIfAbsent(t.divisionCode(), scope::name),
                        text("visits.kind." + t.kind(), locale),
                        java.time.LocalDateTime.ofInstant(t.dueAt(), BusinessTime.ZONE), who));
            });
            audit.record(AuditRecord.success("LIST_EXPORTED", "visits-overdue:" + code,
                    "rows=" + sheet.rows() + (visitor == null || visitor.isBlank() ? "" : " visitor=" + visitor)));
            Downloads.prepare(response, Downloads.XLSX, text("visits.overdue.file", locale) + ".xlsx");
            sheet.writeTo(response.getOutputStream());
        }
    }

    /** The month's changes of the target population against the month before: paged, added or removed. */
    @GetMapping("/visits/changes")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String changes(@RequestParam(required = false) String division, @RequestParam(required = false) String month,
                   @RequestParam(required = false) String change, @RequestParam(required = false) Integer page,
                   Model model) {
        CurrentUser actor = currentUsers.require();
        YearMonth m = month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
        String code = scope.division(division, actor);
        String kind = change == null || change.isBlank() ? null : change.strip();
        if (kind != null && !List.of("ADDED", "REMOVED").contains(kind)) {
            throw ApiException.validation("change", "INVALID", "visits.change.invalid");
        }
        PageResponse<TargetPopulation.Change> changes = population.changes(m, scope.subtree(code), kind,
                PageRequest.of(page, 100));
        Map<Long, String> names = cards.names(changes.items().stream().map(TargetPopulation.Change::personId)
                .toList());
        Map<String, String> villageNames = new HashMap<>();
        model.addAttribute("division", code);
        model.addAttribute("divisionName", scope.name(code));
        model.addAttribute("month", m.toString());
        model.addAttribute("change", kind);
        model.addAttribute("counts", population.changeCounts(m, scope.subtree(code)));
        model.addAttribute("rows", changes.items().stream().map(c -> Map.of("change", c,
                "name", names.getOrDefault(c.personId(), ""),
                "village", villageNames.computeIfAbsent(c.divisionCode(), scope::name))).toList());
        model.addAttribute("pager", Pager.of(changes));
        return "visits/changes";
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
    String reassign(@PathVariable long taskId, @RequestParam(required = false) String visitor,
                    @RequestParam(required = false) String division, @RequestParam(required = false) String back,
                    RedirectAttributes redirect, Locale locale) {
        try {
            plans.reassign(taskId, visitor, currentUsers.require());
            redirect.addFlashAttribute("saved", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problems", List.of(messages.getMessage(
                    e.fieldProblems().isEmpty() ? e.detailKey() : e.fieldProblems().get(0).messageKey(),
                    e.detailArgs(), locale)));
        }
        String to = "overdue".equals(back) ? "/visits/overdue" : "/visits/supervision";
        return "redirect:" + to + (division == null || division.isBlank() ? ""
                : "?division=" + java.net.URLEncoder.encode(division, java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/visits/targets")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "')")
    String targets(@RequestParam(required = false) String division, @RequestParam(required = false) String month,
                   @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        YearMonth m = month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
        String code = scope.division(division, actor);
        var targets = population.targets(m, scope.subtree(code), PageRequest.of(page, 50));
        Map<Long, String> names = cards.names(targets.items().stream().map(TargetPopulation.Target::personId)
                .toList());
        model.addAttribute("division", code);
        model.addAttribute("divisionName", scope.name(code));
        model.addAttribute("month", m.toString());
        model.addAttribute("page", targets);
        model.addAttribute("pager", Pager.of(targets));
        model.addAttribute("rows", targets.items().stream().map(t -> Map.of("target", t, "name",
                names.getOrDefault(t.personId(), ""), "village", scope.name(t.divisionCode()))).toList());
        List<org.yilaoyixiao.divisions.Division> villages = plans.villages(code, actor);
        Map<String, String> assigned = plans.villageVisitors(code, actor);
        Map<String, String> assignedNames = visitors.names(assigned.values());
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        assigned.forEach((village, username) -> shown.put(village, assignedNames.getOrDefault(username, username)));
        model.addAttribute("villages", villages);
        model.addAttribute("visitors", shown);
        return "visits/targets";
    }

    @GetMapping("/visits/targets/export")
    @PreAuthorize("hasAuthority('" + VisitPermissions.READ + "') and hasAuthority('"
            + WorkspacePermissions.EXPORT_LISTS + "')")
    void exportTargets(@RequestParam(required = false) String division, @RequestParam(required = false) String month,
                       HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        YearMonth m = month == null || month.isBlank() ? plans.currentMonth() : Months.parse(month, "month");
        String code = scope.division(division, actor);
        Map<String, String> villageNames = new HashMap<>();
        try (ListSheet sheet = new ListSheet(text("visits.targets.title", locale), List.of(
                text("visits.person", locale), text("visits.id-number", locale), text("visits.division-name", locale),
                text("visits.reasons", locale), text("visits.tier", locale)))) {
            population.eachTarget(m, scope.subtree(code), listed -> {
                TargetPopulation.Target t = listed.target();
                sheet.add(List.of(listed.name(), listed.idNumberMasked(),
                        villageNames.computeIfAbsent(t.divisionCode(), scope::name),
                        String.join("、", t.reasons().stream().map(r -> text("visits.reason." + r, locale)).toList()),
                        text("visits.tier." + t.tier(), locale)));
            });
            audit.record(AuditRecord.success("LIST_EXPORTED", "visits-targets:" + code + ":" + m,
                    "rows=" + sheet.rows()));
            Downloads.prepare(response, Downloads.XLSX, text("visits.targets.file", locale) + "-" + m + ".xlsx");
            sheet.writeTo(response.getOutputStream());
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private org.yilaoyixiao.notifications.ElderContacts.Contact contacts(long personId) {
        return cards.contact(personId);
    }

    @PostMapping("/visits/overrides")
    @PreAuthorize("hasAuthority('" + VisitPermissions.MANAGE + "')")
    String override(@RequestParam(required = false) Long personId, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) String fromMonth,
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
    String assign(@RequestParam(required = false) String village, @RequestParam(required = false) String visitor,
                  RedirectAttributes redirect, Locale locale) {
        try {
            if (village == null || village.isBlank()) {
                throw ApiException.validation("village", "REQUIRED", "visits.village.required");
            }
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
