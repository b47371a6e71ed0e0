package org.yilaoyixiao.subsidies.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

/** The run list and run page (progress, township totals, change list, lines, approval), line drill-down, quotes. */
@Controller
class SubsidyPageController {

    private static final Set<String> BOOLEAN_FACTS = Set.of("localHukou");
    private static final Set<String> NULLABLE_FACTS = Set.of("starRating", "capabilityLevel", "filedOn");

    private final SubsidyRuns runs;
    private final RunQueries queries;
    private final Quotes quotes;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    SubsidyPageController(SubsidyRuns runs, RunQueries queries, Quotes quotes, CurrentUsers currentUsers,
                          MessageSource messages, ObjectMapper json, java.time.Clock clock) {
        this.runs = runs;
        this.queries = queries;
        this.quotes = quotes;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    private String problemText(ApiException e, Locale locale) {
        return String.join("；", e.messagesIn(messages, locale));
    }

    private static List<Programme> monthly() {
        return Arrays.stream(Programme.values()).filter(Programme::monthly).toList();
    }

    @GetMapping("/subsidies/runs")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String list(Model model) {
        model.addAttribute("runs", runs.recent(200));
        model.addAttribute("programmes", monthly());
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE));
        model.addAttribute("defaultMonth", java.time.YearMonth.from(
                org.yilaoyixiao.platform.time.BusinessTime.today(clock)).toString());
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
               @RequestParam(required = false) Integer page, Model model, Locale locale) {
        var actor = currentUsers.require();
        RunRecord run = runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
        model.addAttribute("run", run);
        model.addAttribute("township", township);
        model.addAttribute("canApprove", currentUsers.has(SubsidyPermissions.APPROVE) && "DRAFT".equals(run.status())
                && !run.preparedBy().equals(actor.username()));
        model.addAttribute("preparedByMe", run.preparedBy().equals(actor.username()));
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE)
                && !"APPROVED".equals(run.status()) && run.finished());
        if (run.finished()) {
            var townships = queries.townships(id, actor);
            model.addAttribute("townships", townships);
            Map<String, String> townshipNames = new LinkedHashMap<>();
            townships.forEach(t -> townshipNames.put(t.townshipCode(), t.townshipName()));
            model.addAttribute("townshipNames", townshipNames);
            model.addAttribute("chart", json.writeValueAsString(Map.of(
                    "labels", townships.stream().map(RunQueries.TownshipTotal::townshipName).toList(),
                    "series", List.of(Map.of("name", messages.getMessage("subsidies.run.total", null, locale),
                            "values", townships.stream().map(RunQueries.TownshipTotal::total).toList())))));
            model.addAttribute("changeCounts", queries.changeCounts(id, actor));
            model.addAttribute("changes", queries.changes(id, actor, 200));
            model.addAttribute("lines", queries.lines(id, township, null, PageRequest.of(page, 50), actor));
        }
        return "subsidies/run";
    }

    @GetMapping("/subsidies/runs/{id}/progress")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        RunRecord run = runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
        if (run.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        return "subsidies/run :: progress";
    }

    @PostMapping("/subsidies/runs/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String approve(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            runs.approve(id, currentUsers.require());
            redirect.addFlashAttribute("approved", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/runs/" + id;
    }

    @PostMapping("/subsidies/runs/{id}/rerun")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    String rerun(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        RunRecord run = runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
        try {
            runs.start(run.programme(), run.monthText(), currentUsers.require());
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/runs/" + id;
    }

    @GetMapping("/subsidies/runs/{id}/lines/{lineId}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String line(@PathVariable long id, @PathVariable long lineId, Model model, Locale locale) {
        RunRecord run = runs.find(id).orElseThrow(() -> ApiException.notFound("subsidies.run.not-found", id));
        RunQueries.Line line = queries.line(id, lineId, currentUsers.require())
                .orElseThrow(() -> ApiException.notFound("subsidies.line.not-found", lineId));
        model.addAttribute("run", run);
        model.addAttribute("line", line);
        Map<String, Object> explanation = json.readValue(line.explanation(), Map.class);
        model.addAttribute("explanation", explanation);
        Object source = "ADJUSTMENT".equals(explanation.get("basis")) ? explanation.get("dueExplanation") : explanation;
        Map<?, ?> detail = source instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> facts = new LinkedHashMap<>();
        if (detail.get("facts") instanceof Map<?, ?> f) {
            f.forEach((name, value) -> facts.put(String.valueOf(name), factText(String.valueOf(name), value, locale)));
        }
        model.addAttribute("facts", facts);
        List<Object> rateRows = new java.util.ArrayList<>();
        for (String key : List.of("rate", "share", "threshold")) {
            if (detail.get(key) != null) {
                rateRows.add(detail.get(key));
            }
        }
        if (detail.get("rates") instanceof Map<?, ?> rates) {
            rateRows.addAll(rates.values());
        }
        if (detail.get("parameters") instanceof List<?> keys) {
            String values = "ADJUSTMENT".equals(explanation.get("basis"))
                    ? json.writeValueAsString(explanation.get("dueParameters")) : queries.parameters(id);
            rateRows.addAll(RunApiController.parametersUsed(json, values, keys));
        }
        model.addAttribute("rateRows", rateRows);
        return "subsidies/line";
    }

    /** A fact as the clerk reads it: yes/no, the economic status and capability level by name. */
    private String factText(String name, Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "subsidies.yes" : "subsidies.no", null, locale);
        }
        String key = switch (name) {
            case "economicStatus" -> "economic-status." + value;
            case "capabilityLevel" -> "capability-level." + value;
            case "operationModel" -> "subsidies.model." + value;
            case "kind" -> "subsidies.kind-of." + value;
            default -> null;
        };
        return key == null ? String.valueOf(value) : messages.getMessage(key, null, String.valueOf(value), locale);
    }

    @GetMapping("/subsidies/quote")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.QUOTE + "')")
    String quoteForm(Model model) {
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("form", Map.of());
        model.addAttribute("today", org.yilaoyixiao.platform.time.BusinessTime.today(clock));
        return "subsidies/quote";
    }

    @PostMapping("/subsidies/quote")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.QUOTE + "')")
    String quote(@RequestParam Map<String, String> form, Model model, Locale locale) {
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("form", form);
        model.addAttribute("today", org.yilaoyixiao.platform.time.BusinessTime.today(clock));
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
        String subject = form.get("subjectId");
        Long subjectId = subject == null || subject.isBlank() ? null : Long.valueOf(subject.trim());
        LocalDate asOf = form.get("asOf") == null || form.get("asOf").isBlank() ? null : LocalDate.parse(form.get("asOf"));
        try {
            Quote quote = quotes.quote(new Quotes.Request(programme, asOf, subjectId, facts),
                    currentUsers.require());
            model.addAttribute("quote", QuoteApiController.response(quote, messages, locale));
        } catch (ApiException e) {
            model.addAttribute("problem", problemText(e, locale));
        }
        return "subsidies/quote";
    }
}
