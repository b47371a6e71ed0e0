package org.yilaoyixiao.policy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.policy.ParameterTexts;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameter;
import org.yilaoyixiao.policy.PolicyPermissions;

/**
 * The parameter table: each parameter by its name, grouped by programme, with the value in force today and its unit
 * in words, its history and whether it is provisional. Keys are for the API, not for the page.
 */
@Controller
class PolicyPageController {

    private final JdbcPolicyParameters parameters;
    private final PolicyValues values;
    private final ParameterTexts texts;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PolicyPageController(JdbcPolicyParameters parameters, PolicyValues values, ParameterTexts texts,
                         CurrentUsers currentUsers, MessageSource messages, java.time.Clock clock) {
        this.parameters = parameters;
        this.values = values;
        this.texts = texts;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/policy/parameters")
    @PreAuthorize("hasAuthority('" + PolicyPermissions.READ + "')")
    String table(Model model, Locale locale) {
        LocalDate today = org.yilaoyixiao.platform.time.BusinessTime.today(clock);
        model.addAttribute("today", today);
        Map<String, List<ParameterRow>> groups = new LinkedHashMap<>();
        for (PolicyParameter p : parameters.all()) {
            String group = p.key().substring(0, p.key().indexOf('.'));
            String groupName = messages.getMessage("policy.group." + group, null,
                    messages.getMessage("policy.group.other", null, locale), locale);
            ParameterValue current = parameters.find(p.key(), today).orElse(null);
            List<HistoryRow> history = p.values().stream().map(v -> new HistoryRow(v.effectiveFrom(),
                    texts.value(v.value(), p.unit(), locale), v.reference(), v.provisional())).toList();
            groups.computeIfAbsent(groupName, g -> new ArrayList<>()).add(new ParameterRow(p.key(),
                    texts.name(p.key(), locale), texts.unit(p.unit(), locale),
                    current == null ? null : texts.value(current.value(), p.unit(), locale), current, history));
        }
        model.addAttribute("groups", groups);
        model.addAttribute("canManage", currentUsers.has(PolicyPermissions.MANAGE));
        return "policy/parameters";
    }

    @PostMapping("/policy/parameters/{key}/values")
    @PreAuthorize("hasAuthority('" + PolicyPermissions.MANAGE + "')")
    String add(@PathVariable String key,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
               @RequestParam(required = false) BigDecimal value, @RequestParam(required = false) String reference,
               @RequestParam(required = false) Boolean provisional, RedirectAttributes redirect, Locale locale) {
        try {
            values.add(key, new PolicyValues.NewValue(effectiveFrom, value, reference, provisional),
                    currentUsers.require().username());
            redirect.addFlashAttribute("added", texts.name(key, locale));
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e;
            }
            String text = String.join("；", e.messagesIn(messages, locale));
            redirect.addFlashAttribute("problem", text);
            redirect.addFlashAttribute("problemKey", key);
        }
        return "redirect:/policy/parameters#p-" + key;
    }

    /** One parameter as the table shows it. */
    record ParameterRow(String key, String name, String unit, String currentText, ParameterValue current,
                        List<HistoryRow> history) {
    }

    record HistoryRow(LocalDate effectiveFrom, String value, String reference, boolean provisional) {
    }
}
