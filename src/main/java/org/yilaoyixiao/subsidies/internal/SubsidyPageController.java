package org.yilaoyixiao.subsidies.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;
import org.yilaoyixiao.workspace.WorkspacePermissions;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * The run list and run page (progress, township totals, change counts, lines paged on the server, approval), the
 * change list (名单变化) with its Excel copy, line drill-down ("why?"), quotes for given facts or a real person,
 * institution or provider chosen with a picker.
 */
@Controller
class SubsidyPageController {

    static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "DRAFT", "APPROVED", "FAILED", "INTERRUPTED",
            "STALE");
    private static final Set<String> KINDS = Set.of("REGULAR", "ARREARS", "RECOVERY");
    private static final Set<String> CHANGES = Set.of("ADDED", "REMOVED");
    private static final Set<String> BOOLEAN_FACTS = Set.of("localHukou");
    private static final Set<String> NULLABLE_FACTS = Set.of("starRating", "capabilityLevel", "filedOn");
    private static final int LINES_PER_PAGE = 50;

    private final SubsidyRuns runs;
    private final RunQueries queries;
    private final Quotes quotes;
    private final LineExplanations explanations;
    private final DisplayNames actors;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final java.time.Clock clock;
    private final Payers payers;

    SubsidyPageController(Payers payers, SubsidyRuns runs, RunQueries queries, Quotes quotes, LineExplanations explanations,
                          DisplayNames actors, DivisionDirectory divisions, AuditTrail audit,
                          CurrentUsers currentUsers, MessageSource messages, ObjectMapper json,
                          java.time.Clock clock) {
        this.runs = runs;
        this.queries = queries;
        this.quotes = quotes;
        this.explanations = explanations;
        this.actors = actors;
        this.divisions = divisions;
        this.audit = audit;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.payers = payers;
    }

    private String problemText(ApiException e, Locale locale) {
        return String.join("；", e.messagesIn(messages, locale));
    }

    /** A record that is missing or out of scope is the 404 page, not a message on the page it came from. */
    private static void rethrowNotFound(ApiException e) {
        if (e.code() == ProblemCode.NOT_FOUND) {
            throw e;
        }
    }

    private static List<Programme> monthly() {
        return Arrays.stream(Programme.values()).filter(Programme::monthly).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            throw ApiException.validation(field, "UNKNOWN", "subsidies.filter.unknown");
        }
        return v;
    }

    private RunRecord run(long id) {
        return runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
    }

    /** Township and village names by code, for the rows of a page (one query for the reader's whole scope). */
    private Map<String, String> places(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
    }

    @GetMapping("/subsidies/runs")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String list(@RequestParam(required = false) Programme programme, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "false") boolean waiting, @RequestParam(required = false) Integer page,
                Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        String chosenStatus = oneOf(status, STATUSES, "status");
        PageResponse<RunRecord> results = runs.page(programme, chosenStatus, waiting ? actor : null,
                PageRequest.of(page, 50));
        model.addAttribute("runs", results.items());
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("programme", programme);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("waiting", waiting);
        model.addAttribute("statuses", List.of("DRAFT", "APPROVED", "STALE", "FAILED", "QUEUED", "RUNNING",
                "INTERRUPTED"));
        model.addAttribute("programmes", monthly());
        model.addAttribute("names", actors.names(results.items().stream()
                .flatMap(r -> java.util.stream.Stream.of(r.preparedBy(), r.approvedBy())).toList(), locale));
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE));
        model.addAttribute("defaultMonth", java.time.YearMonth.from(BusinessTime.today(clock)).toString());
        return "subsidies/runs";
    }

    @PostMapping("/subsidies/runs")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    String start(@RequestParam(required = false) String programme, @RequestParam(required = false) String month,
                 RedirectAttributes redirect, Locale locale) {
        try {
            RunRecord run = runs.start(programme, month, currentUsers.require());
            return "redirect:/subsidies/runs/" + run.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
            return "redirect:/subsidies/runs";
        }
    }

    @GetMapping("/subsidies/runs/{id}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String run(@PathVariable long id, @RequestParam(required = false) String township,
               @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
               @RequestParam(required = false) Integer size, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        RunRecord run = run(id);
        String chosenKind = oneOf(kind, KINDS, "kind");
        String chosenTownship = blankToNull(township);
        model.addAttribute("run", run);
        model.addAttribute("township", chosenTownship);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("names", actors.names(java.util.Arrays.asList(run.preparedBy(), run.approvedBy()),
                locale));
        model.addAttribute("canApprove", currentUsers.has(SubsidyPermissions.APPROVE) && "DRAFT".equals(run.status())
                && !run.preparedBy().equals(actor.username()));
        model.addAttribute("preparedByMe", run.preparedBy().equals(actor.username()));
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE)
                && !"APPROVED".equals(run.status()) && run.finished());
        model.addAttribute("canPay", payers.mayPay(actor, run.programme()));
        if (run.finished()) {
            var townships = queries.townships(id, actor);
            model.addAttribute("townships", townships);
            Map<String, String> places = places(actor);
            model.addAttribute("places", places);
            model.addAttribute("chart", json.writeValueAsString(Map.of(
                    "labels", townships.stream().map(RunQueries.TownshipTotal::townshipName).toList(),
                    "series", List.of(Map.of("name", messages.getMessage("subsidies.run.total", null, locale),
                            "values", townships.stream().map(RunQueries.TownshipTotal::total).toList())))));
            model.addAttribute("changeCounts", queries.changeCounts(id, actor));
            model.addAttribute("changeReasons", queries.changeReasons(id, actor));
            PageResponse<RunQueries.Line> lines = queries.lines(id, chosenTownship, chosenKind,
                    PageRequest.of(page, size == null ? LINES_PER_PAGE : size), actor);
            model.addAttribute("lines", lines);
            model.addAttribute("pager", Pager.of(lines));
        }
        return "subsidies/run";
    }

    @GetMapping("/subsidies/runs/{id}/progress")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        RunRecord run = run(id);
        if (run.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        return "subsidies/run :: progress";
    }

    /**
     * 审批预览: what approving will pay (lines, total, the largest lines, the change against last month) and who
     * prepared it, with a confirmation tied to exactly this state of the run.
     */
    @GetMapping("/subsidies/runs/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String approvePreview(@PathVariable long id, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        RunRecord run = run(id);
        java.util.Optional<RunRecord> previous = runs.previousMonth(run).filter(RunRecord::finished);
        model.addAttribute("run", run);
        model.addAttribute("previous", previous.orElse(null));
        model.addAttribute("totalChange", previous.map(p -> run.total().subtract(p.total())).orElse(null));
        model.addAttribute("countChange", previous.map(p -> run.lineCount() - p.lineCount()).orElse(null));
        model.addAttribute("largest", queries.largest(id, 5));
        model.addAttribute("places", places(actor));
        model.addAttribute("townships", run.finished() ? queries.townships(id, actor) : List.of());
        model.addAttribute("names", actors.names(java.util.Arrays.asList(run.preparedBy(), actor.username()),
                locale));
        model.addAttribute("myName", actor.displayName());
        model.addAttribute("preparedByMe", run.preparedBy().equals(actor.username()));
        model.addAttribute("canApprove", "DRAFT".equals(run.status()) && !run.preparedBy().equals(actor.username()));
        model.addAttribute("confirmation", Confirmations.run(run));
        return "subsidies/approve";
    }

    @PostMapping("/subsidies/runs/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String approve(@PathVariable long id, @RequestParam(required = false) String confirmation,
                   RedirectAttributes redirect, Locale locale) {
        try {
            runs.approveConfirmed(id, currentUsers.require(), confirmation);
            redirect.addFlashAttribute("approved", true);
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", problemText(e, locale));
            if (e.code() == ProblemCode.CONFLICT && "DRAFT".equals(run(id).status())) {
                return "redirect:/subsidies/runs/" + id + "/approve"; // preview again, as it now is
            }
        }
        return "redirect:/subsidies/runs/" + id;
    }

    @PostMapping("/subsidies/runs/{id}/rerun")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    String rerun(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        RunRecord run = run(id);
        try {
            runs.start(run.programme(), run.monthText(), currentUsers.require());
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/runs/" + id;
    }

    /** 名单变化: who started and who stopped this month against last month, with the reason, paged and filtered. */
    @GetMapping("/subsidies/runs/{id}/changes")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String changes(@PathVariable long id, @RequestParam(required = false) String change,
                   @RequestParam(required = false) String township, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        RunRecord run = run(id);
        RunQueries.ChangeFilter filter = new RunQueries.ChangeFilter(oneOf(change, CHANGES, "change"),
                blankToNull(township), blankToNull(reason));
        PageResponse<RunQueries.ChangeRow> rows = queries.changes(id, filter, PageRequest.of(page, LINES_PER_PAGE),
                actor);
        model.addAttribute("run", run);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("pager", Pager.of(rows));
        model.addAttribute("places", places(actor));
        model.addAttribute("townships", queries.townships(id, actor));
        model.addAttribute("changeCounts", queries.changeCounts(id, actor));
        model.addAttribute("changeReasons", queries.changeReasons(id, actor));
        model.addAttribute("canExport", currentUsers.has(WorkspacePermissions.EXPORT_LISTS));
        return "subsidies/changes";
    }

    /** The change list as Excel, with the filters of the page; ID numbers masked; audited. */
    @GetMapping("/subsidies/runs/{id}/changes/export")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "') and hasAuthority('"
            + WorkspacePermissions.EXPORT_LISTS + "')")
    void exportChanges(@PathVariable long id, @RequestParam(required = false) String change,
                       @RequestParam(required = false) String township, @RequestParam(required = false) String reason,
                       HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        RunRecord run = run(id);
        RunQueries.ChangeFilter filter = new RunQueries.ChangeFilter(oneOf(change, CHANGES, "change"),
                blankToNull(township), blankToNull(reason));
        Map<String, String> places = places(actor);
        String programme = messages.getMessage("subsidies.programme." + run.programme(), null, locale);
        List<String> headers = List.of("subsidies.change", "subsidies.list.name", "subsidies.list.id-number",
                "subsidies.list.township", "subsidies.list.village", "subsidies.change.reason").stream()
                .map(k -> messages.getMessage(k, null, locale)).toList();
        Downloads.prepare(response, Downloads.XLSX, messages.getMessage("subsidies.changes.file",
                new Object[] {programme, run.monthText()}, locale) + ".xlsx");
        try (ListSheet sheet = new ListSheet(messages.getMessage("subsidies.run.changes.short", null, locale),
                headers)) {
            queries.eachChange(id, filter, actor, c -> sheet.add(Arrays.asList(
                    messages.getMessage("subsidies.change." + c.change(), null, locale), c.name(),
                    c.idNumberMasked(), places.getOrDefault(c.townshipCode(), c.townshipCode()),
                    places.getOrDefault(c.divisionCode(), c.divisionCode()),
                    messages.getMessage("subsidies.basis." + c.reason(), null, c.reason(), locale))));
            audit.record(AuditRecord.success("LIST_EXPORTED", "subsidy-run:" + id,
                    "导出名单变化 " + sheet.rows() + " 行"));
            sheet.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/subsidies/runs/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String line(@PathVariable long id, @PathVariable long lineId, Model model, Locale locale) {
        RunRecord run = run(id);
        CurrentUser actor = currentUsers.require();
        RunQueries.Line line = queries.line(id, lineId, actor)
                .orElseThrow(() -> ApiException.notFound("subsidies.line.not-found", lineId));
        model.addAttribute("run", run);
        model.addAttribute("line", line);
        model.addAttribute("places", places(actor));
        Map<?, ?> explanation = json.readValue(line.explanation(), Map.class);
        model.addAttribute("basis", explanation.get("basis"));
        boolean adjustment = "ADJUSTMENT".equals(explanation.get("basis"));
        Object source = adjustment ? explanation.get("dueExplanation") : explanation;
        Map<?, ?> detail = source instanceof Map<?, ?> map ? map : Map.of();
        model.addAttribute("facts", explanations.facts(detail, locale));
        List<Object> rateValues = new ArrayList<>();
        for (String key : List.of("rate", "share", "threshold")) {
            if (detail.get(key) != null) {
                rateValues.add(detail.get(key));
            }
        }
        if (detail.get("rates") instanceof Map<?, ?> rates) {
            rateValues.addAll(rates.values());
        }
        if (detail.get("parameters") instanceof List<?> keys) {
            String values = adjustment ? json.writeValueAsString(explanation.get("dueParameters"))
                    : queries.parameters(id);
            rateValues.addAll(RunApiController.parametersUsed(json, values, keys));
        }
        Map<String, Object> used = new HashMap<>();
        rateValues.forEach(v -> {
            if (v instanceof Map<?, ?> m && m.get("parameter") != null) {
                used.put(String.valueOf(m.get("parameter")), m.get("rate"));
            }
        });
        model.addAttribute("why", explanations.sentence(explanation, used, locale));
        model.addAttribute("rateRows", explanations.rates(rateValues, locale));
        return "subsidies/line";
    }

    @GetMapping("/subsidies/quote")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.QUOTE + "')")
    String quoteForm(Model model) {
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("form", Map.of());
        model.addAttribute("today", BusinessTime.today(clock));
        return "subsidies/quote";
    }

    @PostMapping("/subsidies/quote")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.QUOTE + "')")
    String quote(@RequestParam Map<String, String> form, Model model, Locale locale) {
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("form", form);
        model.addAttribute("today", BusinessTime.today(clock));
        String programme = form.get("programme");
        Map<String, Object> facts = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            String prefix = "f." + programme + ".";
            if (!name.startsWith(prefix)) {
                return;
            }
            String fact = name.substring(prefix.length());
            String[] path = fact.split("\\.", 2);
            Object typed = value == null || value.isBlank() ? null
                    : BOOLEAN_FACTS.contains(path[0]) ? (Object) Boolean.valueOf(value) : value.trim();
            if (path.length == 2) {
                if (typed != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nested = (Map<String, Object>) facts.computeIfAbsent(path[0],
                            k -> new LinkedHashMap<String, Object>());
                    nested.put(path[1], typed);
                }
            } else if (typed != null || NULLABLE_FACTS.contains(fact)) {
                facts.put(fact, typed);
            }
        });
        // the subject is chosen with the picker of the programme's kind (a person, an institution, a provider)
        String subject = blankToNull(form.get("subject." + programme));
        Long subjectId;
        try {
            subjectId = subject == null ? null : Long.valueOf(subject);
        } catch (NumberFormatException e) {
            throw ApiException.validation("subjectId", "INVALID", "subsidies.quote.subject.invalid");
        }
        String asOfText = blankToNull(form.get("asOf"));
        LocalDate asOf;
        try {
            asOf = asOfText == null ? null : LocalDate.parse(asOfText);
        } catch (java.time.DateTimeException e) {
            throw ApiException.validation("asOf", "INVALID", "subsidies.quote.as-of.invalid");
        }
        try {
            CurrentUser actor = currentUsers.require();
            Quote quote = quotes.quote(new Quotes.Request(programme, asOf, subjectId, facts), actor);
            model.addAttribute("quote", QuoteApiController.response(quote, messages, locale));
            if (subjectId != null) {
                model.addAttribute("subjectName", quotes.subjectName(quote.programme(), subjectId, asOf, actor)
                        .orElse(null));
            }
        } catch (ApiException e) {
            model.addAttribute("problem", problemText(e, locale));
        }
        return "subsidies/quote";
    }
}
