package org.yilaoyixiao.indicators.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.indicators.IndicatorPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.workspace.LandingPage;
import tools.jackson.databind.ObjectMapper;

/**
 * The county leaders' dashboard: a card per indicator coloured by status with baseline → actual → target bars, the
 * townships ranked by the ratios I06, I07 and I08, and the trend of every indicator from 2022 against its path.
 */
@Controller
class DashboardController {

    static final String PATH = "/indicators/dashboard";
    static final List<String> RANKED = List.of("I06", "I07", "I08");
    /** Bootstrap colour per status: achieved green, on track blue, at risk orange, off track red. */
    static final Map<String, String> COLOURS = Map.of("ACHIEVED", "success", "ON_TRACK", "primary",
            "AT_RISK", "warning", "OFF_TRACK", "danger");

    private final IndicatorBoard board;
    private final Definitions definitions;
    private final IndicatorScope scope;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ObjectProvider<DisplayNames> actors;
    private final RecomputeController recomputations;

    DashboardController(IndicatorBoard board, Definitions definitions, IndicatorScope scope,
                        DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages,
                        ObjectMapper json, ObjectProvider<DisplayNames> actors, RecomputeController recomputations) {
        this.recomputations = recomputations;
        this.actors = actors;
        this.board = board;
        this.definitions = definitions;
        this.scope = scope;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
    }

    record Card(IndicatorRow row, String barsJson, String trendJson) {
    }

    record Ranking(IndicatorDefinition definition, List<RankedTownship> townships, String chartJson) {
    }

    record RankedTownship(int rank, String name, IndicatorRow row) {
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAuthority('" + IndicatorPermissions.READ + "')")
    String dashboard(@RequestParam(required = false) String division, @RequestParam(required = false) Integer year,
                     Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        // an unknown division is the 404 page, one outside the user's scope the 403 page
        String code = scope.division(user, division);
        int y = scope.year(year);
        Map<Integer, IndicatorBoard.YearView> views = new LinkedHashMap<>();
        for (int t = IndicatorBoard.BASELINE_YEAR; t <= y; t++) {
            views.put(t, board.year(t));
        }
        IndicatorBoard.YearView view = views.containsKey(y) ? views.get(y) : board.year(y);
        List<Card> cards = new ArrayList<>();
        Map<IndicatorStatus, Integer> summary = new EnumMap<>(IndicatorStatus.class);
        for (IndicatorStatus s : IndicatorStatus.values()) {
            summary.put(s, 0);
        }
        int noStatus = 0;
        for (IndicatorDefinition d : definitions.table()) {
            IndicatorRow row = view.row(d, code);
            if (row.status() == null) {
                noStatus++;
            } else {
                summary.merge(row.status(), 1, Integer::sum);
            }
            cards.add(new Card(row, bars(row, locale), trend(d, code, views, locale)));
        }
        List<Ranking> rankings = new ArrayList<>();
        if (code.equals(board.countyCode())) {
            for (String ranked : RANKED) {
                definitions.find(ranked).ifPresent(d -> rankings.add(ranking(view, d)));
            }
        }
        List<IndicatorRow> textTargets = definitions.textTargets().stream().map(d -> view.row(d, code)).toList();
        model.addAttribute("division", divisions.find(code).orElseThrow());
        model.addAttribute("year", y);
        model.addAttribute("years", yearsUpTo(board.currentYear()));
        model.addAttribute("choices", choices(user));
        model.addAttribute("cards", cards);
        model.addAttribute("summary", summary);
        model.addAttribute("noStatus", noStatus);
        model.addAttribute("rankings", rankings);
        model.addAttribute("textTargets", textTargets);
        model.addAttribute("asOf", view.snapshot.period().asOf());
        model.addAttribute("computedAt", view.snapshot.computedAt());
        model.addAttribute("colours", COLOURS);
        model.addAttribute("canReport", currentUsers.has(IndicatorPermissions.REPORT));
        model.addAttribute("canRecompute", currentUsers.has(IndicatorPermissions.RECOMPUTE));
        model.addAttribute("recompute", recomputations.view(locale));
        java.util.Set<String> reporters = new java.util.HashSet<>();
        cards.forEach(c -> {
            if (c.row().reported() != null) {
                reporters.add(c.row().reported().reportedBy());
            }
        });
        DisplayNames directory = actors.getIfAvailable();
        model.addAttribute("names", directory == null || reporters.isEmpty() ? Map.of()
                : directory.accounts(reporters));
        return "indicators/dashboard";
    }

    private static List<Integer> yearsUpTo(int current) {
        List<Integer> years = new ArrayList<>();
        for (int y = current; y >= IndicatorBoard.BASELINE_YEAR; y--) {
            years.add(y);
        }
        return years;
    }

    /** The user's own division and the townships under it, for the division picker. */
    private List<Division> choices(CurrentUser user) {
        List<Division> list = new ArrayList<>();
        divisions.find(user.divisionCode()).ifPresent(list::add);
        divisions.children(user.divisionCode()).stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP)
                .forEach(list::add);
        return list;
    }

    private String bars(IndicatorRow row, Locale locale) {
        IndicatorDefinition d = row.definition();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.of(message("indicators.dashboard.baseline", locale),
                message("indicators.dashboard.actual", locale), message("indicators.dashboard.target", locale)));
        List<BigDecimal> values = new ArrayList<>();
        values.add(d.baselineValue());
        values.add(row.actual());
        values.add(row.target());
        data.put("values", values);
        data.put("status", row.status() == null ? null : row.status().name());
        return json.writeValueAsString(data);
    }

    private String trend(IndicatorDefinition d, String code, Map<Integer, IndicatorBoard.YearView> views,
                         Locale locale) {
        // years as text: a chart formats a number with a thousands separator ("2,026")
        List<String> years = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> path = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<Integer, IndicatorBoard.YearView> e : views.entrySet()) {
            IndicatorRow row = e.getValue().row(d, code);
            years.add(String.valueOf(e.getKey()));
            actual.add(row.actual());
            path.add(row.expected() == null ? null : row.expected().setScale(2, java.math.RoundingMode.HALF_UP));
            any |= row.actual() != null;
        }
        if (!any) {
            return null;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("years", years);
        data.put("actual", actual);
        data.put("path", path);
        data.put("actualLabel", message("indicators.dashboard.actual", locale));
        data.put("pathLabel", message("indicators.dashboard.path", locale));
        return json.writeValueAsString(data);
    }

    private Ranking ranking(IndicatorBoard.YearView view, IndicatorDefinition d) {
        List<IndicatorRow> rows = board.townshipRanking(view, d);
        Map<String, String> names = new HashMap<>();
        view.tree().forEach(t -> names.put(t.code(), t.name()));
        List<RankedTownship> ranked = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        int rank = 0;
        for (IndicatorRow row : rows) {
            rank++;
            ranked.add(new RankedTownship(row.actual() == null ? 0 : rank, names.get(row.divisionCode()), row));
            if (row.actual() != null) {
                labels.add(names.get(row.divisionCode()));
                values.add(row.actual());
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("labels", labels);
        data.put("values", values);
        data.put("target", d.targetValue());
        return new Ranking(d, ranked, json.writeValueAsString(data));
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @Configuration(proxyBeanMethods = false)
    static class DashboardWeb {

        @Bean
        NavigationContributor indicatorNavigation() {
            return () -> List.of(
                    NavigationEntry.of(NavigationArea.MONITORING, "nav.indicators", PATH, IndicatorPermissions.READ, 10),
                    NavigationEntry.of(NavigationArea.MONITORING, "nav.indicators.inputs", InputsController.PATH,
                            IndicatorPermissions.REPORT, 11));
        }

        /** County leaders start on the dashboard; everyone else on their inbox. */
        @Bean
        LandingPage indicatorLanding() {
            return user -> user.hasRole(Role.LEADER) ? Optional.of(PATH) : Optional.empty();
        }
    }
}
