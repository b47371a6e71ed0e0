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
import org.yilaoyixiao.platform.security.CurrentUsers;

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

    InputsController(IndicatorApiController api, IndicatorBoard board, Definitions definitions, IndicatorScope scope,
                     StatisticsInputs statistics, CurrentUsers currentUsers, MessageSource messages) {
        this.api = api;
        this.board = board;
        this.definitions = definitions;
        this.scope = scope;
        this.statistics = statistics;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String inputs(@RequestParam(required = false) String division, @RequestParam(required = false) Integer year,
                  Model model) {
        String code = scope.division(currentUsers.require(), division);
        int y = scope.year(year);
        model.addAttribute("division", code);
        model.addAttribute("year", y);
        if (!model.containsAttribute("statistics")) {
            model.addAttribute("statistics", statistics.find(code, y).orElse(null));
        }
        model.addAttribute("reportable", definitions.all().stream().filter(d -> !board.isComputed(d.code())).toList());
        model.addAttribute("reported", board.table(code, y).stream()
                .filter(r -> r.source() == IndicatorRow.Source.REPORTED && r.reported() != null).toList());
        return "indicators/inputs";
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
            return inputs(division, year, model);
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
            return inputs(division, year, model);
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
