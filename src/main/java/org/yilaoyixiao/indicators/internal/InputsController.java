package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.indicators.IndicatorPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;

/**
 * The bureau's input page: a division's statistics for a year, and values of the indicators the platform cannot
 * compute, with evidence. Both go through the same checks and audit as the API.
 */
@Controller
@PreAuthorize("hasAuthority('" + IndicatorPermissions.REPORT + "')")
class InputsController {

    static final String PATH = "/indicators/inputs";

    private final IndicatorApiController api;
    private final IndicatorBoard board;
    private final Definitions definitions;
    private final IndicatorScope scope;
    private final StatisticsInputs statistics;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final PendingReports pending;
    private final DivisionDirectory divisions;
    private final ObjectProvider<DisplayNames> actors;

    InputsController(IndicatorApiController api, IndicatorBoard board, Definitions definitions, IndicatorScope scope,
                     StatisticsInputs statistics, CurrentUsers currentUsers, MessageSource messages,
                     PendingReports pending, DivisionDirectory divisions, ObjectProvider<DisplayNames> actors) {
        this.pending = pending;
        this.divisions = divisions;
        this.actors = actors;
        this.api = api;
        this.board = board;
        this.definitions = definitions;
        this.scope = scope;
        this.statistics = statistics;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /**
     * The input page of a division and year (picked from one's own division and its townships, and the years since
     * the baseline): what is still to be reported first — the indicators of one's bureau without a value —, then the
     * statistics and the report forms; who entered what by name.
     */
    @GetMapping(PATH)
    String inputs(@RequestParam(required = false) String division, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String code, Model model) {
        CurrentUser user = currentUsers.require();
        String divisionCode = scope.division(user, division);
        int y = scope.year(year);
        model.addAttribute("division", divisionCode);
        model.addAttribute("divisionName", divisions.find(divisionCode).map(Division::name).orElse(divisionCode));
        model.addAttribute("choices", choices(user));
        model.addAttribute("years", years());
        model.addAttribute("year", y);
        if (!model.containsAttribute("statistics")) {
            model.addAttribute("statistics", statistics.find(divisionCode, y).orElse(null));
        }
        List<IndicatorDefinition> reportable = definitions.all().stream()
                .filter(d -> !board.isComputed(d.code())).toList();
        model.addAttribute("reportable", reportable);
        model.addAttribute("pending", pending.pending(user.bureau(), divisionCode, y));
        model.addAttribute("bureau", user.bureau());
        if (code != null && !model.containsAttribute("reportForm")
                && reportable.stream().anyMatch(d -> d.code().equals(code))) {
            model.addAttribute("reportForm", Map.of("code", code, "value", "", "evidence", ""));
        }
        List<IndicatorRow> reported = board.table(divisionCode, y).stream()
                .filter(r -> r.source() == IndicatorRow.Source.REPORTED && r.reported() != null).toList();
        model.addAttribute("reported", reported);
        Set<String> usernames = new HashSet<>();
        reported.forEach(r -> usernames.add(r.reported().reportedBy()));
        Object entered = model.getAttribute("statistics");
        if (entered instanceof StatisticsInputs.Input input && input.enteredBy() != null) {
            usernames.add(input.enteredBy());
        }
        DisplayNames directory = actors.getIfAvailable();
        model.addAttribute("names", directory == null ? Map.of() : directory.accounts(usernames));
        return "indicators/inputs";
    }

    private List<Division> choices(CurrentUser user) {
        List<Division> list = new ArrayList<>();
        divisions.find(user.divisionCode()).ifPresent(list::add);
        divisions.children(user.divisionCode()).stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP)
                .forEach(list::add);
        return list;
    }

    private List<String> years() {
        List<String> years = new ArrayList<>();
        for (int y = board.currentYear(); y >= IndicatorBoard.BASELINE_YEAR; y--) {
            years.add(String.valueOf(y));
        }
        return years;
    }

    @PostMapping(PATH + "/statistics")
    String saveStatistics(@RequestParam String division, @RequestParam int year,
                          @RequestParam(required = false) Integer residentPopulation,
                          @RequestParam(required = false) Integer population60Plus,
                          @RequestParam(required = false) Integer births,
                          @RequestParam(required = false) String source, Model model, Locale locale,
                          RedirectAttributes redirect) {
        try {
            api.putStatistics(division, year, new IndicatorApiController.StatisticsRequest(residentPopulation,
                    population60Plus, births, source, null));
        } catch (ApiException e) {
            model.addAttribute("statisticsErrors", errors(e, locale));
            model.addAttribute("statistics", new StatisticsInputs.Input(division, year, residentPopulation,
                    population60Plus, births, source, null, null));
            return inputs(division, year, null, model);
        }
        redirect.addFlashAttribute("saved", "indicators.inputs.statistics.saved");
        return "redirect:" + PATH + "?division=" + division + "&year=" + year;
    }

    @PostMapping(PATH + "/reports")
    String saveReport(@RequestParam String division, @RequestParam int year, @RequestParam String code,
                      @RequestParam(required = false) BigDecimal value,
                      @RequestParam(required = false) String evidence, Model model, Locale locale,
                      RedirectAttributes redirect) {
        try {
            api.report(code, new IndicatorApiController.ReportRequest(division, year, value, evidence));
        } catch (ApiException e) {
            model.addAttribute("reportErrors", errors(e, locale));
            model.addAttribute("reportForm", Map.of("code", code, "value", value == null ? "" : value.toPlainString(),
                    "evidence", evidence == null ? "" : evidence));
            return inputs(division, year, null, model);
        }
        redirect.addFlashAttribute("saved", "indicators.inputs.report.saved");
        return "redirect:" + PATH + "?division=" + division + "&year=" + year;
    }

    /** Field → message, or the problem's own message under "" when it names no field. */
    private Map<String, String> errors(ApiException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldProblems().isEmpty()) {
            errors.put("", messages.getMessage(e.detailKey(), e.detailArgs(), locale));
        }
        for (ApiException.FieldProblem p : e.fieldProblems()) {
            errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args(), locale));
        }
        return errors;
    }
}
