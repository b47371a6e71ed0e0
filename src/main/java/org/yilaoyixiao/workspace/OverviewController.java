package org.yilaoyixiao.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionStatistic;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import tools.jackson.databind.ObjectMapper;

/**
 * 数据概览 ({@code /home}): a division of one's scope — one's own by default — with the counts every module
 * contributes, for it and for each division under it, and a chart of one count across those divisions. A township
 * opens its villages by following its name ({@code ?division=}), so the page never lists more than one level: the
 * county's 32 townships, or a township's villages. The breadcrumb leads back up within one's scope.
 */
@Controller
class OverviewController {

    private final CurrentUsers currentUsers;
    private final DivisionDirectory directory;
    private final DivisionTree tree;
    private final MessageSource messages;
    private final ObjectMapper json;

    OverviewController(CurrentUsers currentUsers, DivisionDirectory directory, DivisionTree tree,
                       MessageSource messages, ObjectMapper json) {
        this.currentUsers = currentUsers;
        this.directory = directory;
        this.tree = tree;
        this.messages = messages;
        this.json = json;
    }

    /** One count the chart can show: villages under each division, or a module's statistic. */
    record Measure(int index, String labelKey) {
    }

    /** A step of the breadcrumb; {@code link} is false above one's scope. */
    record Step(Division division, boolean link) {
    }

    @GetMapping("/home")
    String overview(@RequestParam(required = false) String division,
                    @RequestParam(required = false) Integer measure, Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        String code = division == null || division.isBlank() ? user.divisionCode() : division.strip();
        boolean own = code.equals(user.divisionCode());
        if (!own && (directory.find(code).isEmpty() || !directory.isWithin(user.divisionCode(), code))) {
            throw ApiException.notFound("workspace.division.not-found");
        }
        DivisionTreeNode root = tree.of(code);
        if (root == null && !own) {
            throw ApiException.notFound("workspace.division.not-found");
        }
        model.addAttribute("user", user);
        model.addAttribute("path", breadcrumb(user, code));
        model.addAttribute("root", root);
        model.addAttribute("statistics", tree.statistics());
        if (root != null && !root.children().isEmpty()) {
            List<Measure> measures = measures(root);
            int chosen = measure == null ? measures.get(0).index() : measure;
            if (measures.stream().noneMatch(m -> m.index() == chosen)) {
                throw ApiException.validation("measure", "UNKNOWN", "workspace.measure.unknown");
            }
            model.addAttribute("measures", measures);
            model.addAttribute("measure", chosen);
            model.addAttribute("chartJson", chartJson(root, chosen, locale));
        }
        return "home";
    }

    private List<Step> breadcrumb(CurrentUser user, String code) {
        List<Step> steps = new ArrayList<>();
        boolean inScope = false;
        for (Division d : directory.path(code)) {
            inScope |= d.code().equals(user.divisionCode());
            steps.add(new Step(d, inScope && !d.code().equals(code)));
        }
        return steps;
    }

    /** Index 0 is the villages under each child (when there are any), 1… the modules' statistics in order. */
    private List<Measure> measures(DivisionTreeNode root) {
        List<Measure> measures = new ArrayList<>();
        if (root.children().stream().anyMatch(c -> c.villageCount() > 0)) {
            measures.add(new Measure(0, "home.statistic.villages"));
        }
        List<DivisionStatistic> statistics = tree.statistics();
        for (int i = 0; i < statistics.size(); i++) {
            measures.add(new Measure(i + 1, statistics.get(i).labelKey()));
        }
        if (measures.size() > 1 && measures.get(0).index() == 0) {
            // the people counts say more than the villages: the first statistic is shown first
            measures.add(measures.remove(0));
        }
        return measures;
    }

    /** One series over the children of the root: the chosen measure. */
    private String chartJson(DivisionTreeNode root, int measure, Locale locale) {
        List<DivisionTreeNode> children = root.children();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", children.stream().map(c -> c.division().name()).toList());
        String label = measure == 0 ? messages.getMessage("home.statistic.villages", null, locale)
                : messages.getMessage(tree.statistics().get(measure - 1).labelKey(), null, locale);
        List<Long> values = children.stream()
                .map(c -> measure == 0 ? c.villageCount() : c.counts()[measure - 1]).toList();
        chart.put("series", List.of(Map.of("name", label, "values", values)));
        return json.writeValueAsString(chart);
    }
}
