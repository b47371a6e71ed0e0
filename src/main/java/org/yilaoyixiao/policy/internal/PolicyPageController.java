package org.yilaoyixiao.policy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
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
import org.yilaoyixiao.policy.PolicyPermissions;

/** The parameter table: each parameter's value in force today, its history and whether it is provisional. */
@Controller
class PolicyPageController {

    private final JdbcPolicyParameters parameters;
    private final PolicyValues values;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PolicyPageController(JdbcPolicyParameters parameters, PolicyValues values, CurrentUsers currentUsers,
                         MessageSource messages, java.time.Clock clock) {
        this.parameters = parameters;
        this.values = values;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/policy/parameters")
    @PreAuthorize("hasAuthority('" + PolicyPermissions.READ + "')")
    String table(Model model) {
        LocalDate today = org.yilaoyixiao.platform.time.BusinessTime.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("parameters", parameters.all().stream()
                .map(p -> new ParameterRow(p, parameters.find(p.key(), today).orElse(null))).toList());
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
            redirect.addFlashAttribute("added", key);
        } catch (ApiException e) {
            String text = String.join("；", e.messagesIn(messages, locale));
            redirect.addFlashAttribute("problem", text);
            redirect.addFlashAttribute("problemKey", key);
        }
        return "redirect:/policy/parameters#p-" + key;
    }

    record ParameterRow(org.yilaoyixiao.policy.PolicyParameter parameter,
                        org.yilaoyixiao.policy.ParameterValue current) {
    }
}
