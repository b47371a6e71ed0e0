package org.yilaoyixiao.divisions.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.web.PickerOption;

/**
 * The division picker's choices: current divisions in the user's scope whose name contains what was typed (or whose
 * code starts with it, for those who know the 区划代码), optionally of one level, each shown with its path
 * 县 › 镇 › 村 so that two villages of the same name are told apart.
 */
@Controller
class DivisionPickerController {

    static final int CHOICES = 15;

    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    DivisionPickerController(DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/divisions/pick")
    String pick(@RequestParam(defaultValue = "") String term, @RequestParam(required = false) DivisionLevel level,
                Model model) {
        String text = term.strip();
        List<PickerOption> options = List.of();
        if (!text.isEmpty()) {
            List<Division> scope = divisions.subtree(currentUsers.require().divisionCode());
            Map<String, Division> byCode = scope.stream()
                    .collect(Collectors.toMap(Division::code, Function.identity(), (a, b) -> a));
            options = scope.stream()
                    .filter(d -> level == null || d.level() == level)
                    .filter(d -> d.name().contains(text) || d.code().startsWith(text))
                    .sorted((a, b) -> Boolean.compare(!a.name().startsWith(text), !b.name().startsWith(text)))
                    .limit(CHOICES)
                    .map(d -> new PickerOption(d.code(), d.name(), path(d, byCode)))
                    .toList();
        }
        model.addAttribute("options", options);
        model.addAttribute("term", text);
        return "fragments/picker :: options";
    }

    /** 青田县 › 海口镇 › 海口一村, from the tree already read (no query per choice). */
    private String path(Division division, Map<String, Division> byCode) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        Division current = division;
        while (current != null) {
            names.addFirst(current.name());
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        if (names.size() == 1 || !byCode.containsKey(division.parentCode())) {
            return divisions.path(division.code()).stream().map(Division::name).collect(Collectors.joining(" › "));
        }
        return String.join(" › ", names);
    }
}
