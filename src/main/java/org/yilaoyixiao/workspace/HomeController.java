package org.yilaoyixiao.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.yilaoyixiao.divisions.DivisionStatistic;
import tools.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;

/** The start page (my inbox) and the overview of my scope: where it is and what is in it. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final DivisionDirectory directory;
    private final DivisionTree tree;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final List<LandingPage> landingPages;
    private final Inbox inbox;

    HomeController(CurrentUsers currentUsers, DivisionDirectory directory, DivisionTree tree, MessageSource messages,
                   ObjectMapper json, List<LandingPage> landingPages, Inbox inbox) {
        this.landingPages = landingPages;
        this.inbox = inbox;
        this.currentUsers = currentUsers;
        this.directory = directory;
        this.tree = tree;
        this.messages = messages;
        this.json = json;
    }

    /** Chart data for the children of the root: villages under each, then every contributed statistic. */
    private String chartJson(DivisionTreeNode root, Locale locale) {
        List<DivisionTreeNode> children = root.children();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", children.stream().map(c -> c.division().name()).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        if (children.stream().anyMatch(c -> c.villageCount() > 0)) {
            series.add(Map.of("name", messages.getMessage("home.statistic.villages", null, locale),
                    "values", children.stream().map(DivisionTreeNode::villageCount).toList()));
        }
        List<DivisionStatistic> statistics = tree.statistics();
        for (int i = 0; i < statistics.size(); i++) {
            int index = i;
            series.add(Map.of("name", messages.getMessage(statistics.get(i).labelKey(), null, locale),
                    "values", children.stream().map(c -> c.counts()[index]).toList()));
        }
        chart.put("series", series);
        return json.writeValueAsString(chart);
    }

    /**
     * The start page: a contributed landing page when one applies to the user (county leaders land on the indicator
     * dashboard), else their inbox (我的待办; a butler's "today").
     */
    @GetMapping("/")
    String start(Model model) {
        CurrentUser user = currentUsers.require();
        if (!model.containsAttribute("passwordChanged")) {
            for (LandingPage landing : landingPages) {
                Optional<String> path = landing.pathFor(user);
                if (path.isPresent()) {
                    return "redirect:" + path.get();
                }
            }
        }
        model.addAttribute("user", user);
        model.addAttribute("path", directory.path(user.divisionCode()));
        model.addAttribute("inbox", inbox.of(user));
        model.addAttribute("fieldWorker", user.roles().equals(java.util.Set.of(Role.BUTLER)));
        return "inbox";
    }

    @GetMapping("/home")
    String home(Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        DivisionTreeNode root = tree.of(user.divisionCode());
        model.addAttribute("user", user);
        model.addAttribute("path", directory.path(user.divisionCode()));
        model.addAttribute("root", root);
        model.addAttribute("statistics", tree.statistics());
        if (root != null && !root.children().isEmpty()) {
            model.addAttribute("chartJson", chartJson(root, locale));
        }
        return "home";
    }
}
