package org.yilaoyixiao.subsidies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

/** 一次性补助: apply for an institution or provider, see the quote kept with it, approve or reject, export the list. */
@Controller
class GrantPageController {

    private static final List<Programme> PROGRAMMES = List.of(Programme.INSTITUTION_CONSTRUCTION,
            Programme.CHILDCARE_SLOT_CONSTRUCTION);

    private final GrantApplications grants;
    private final CurrentUsers currentUsers;
    private final DivisionDirectory divisions;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    GrantPageController(GrantApplications grants, CurrentUsers currentUsers, DivisionDirectory divisions,
                        MessageSource messages, ObjectMapper json, Clock clock) {
        this.grants = grants;
        this.currentUsers = currentUsers;
        this.divisions = divisions;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    private String problemText(ApiException e, Locale locale) {
        return String.join("；", e.messagesIn(messages, locale));
    }

    @GetMapping("/subsidies/grants")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String list(@RequestParam(required = false) String status, Model model) {
        CurrentUser user = currentUsers.require();
        String chosen = status == null ? "" : status;
        List<GrantApplications.Grant> list = grants.list(chosen, user);
        Map<String, String> townships = new HashMap<>();
        list.forEach(g -> townships.computeIfAbsent(g.townshipCode(),
                c -> divisions.find(c).map(Division::name).orElse(c)));
        Map<Programme, List<GrantApplications.SubjectOption>> subjects = new LinkedHashMap<>();
        PROGRAMMES.forEach(p -> subjects.put(p, grants.subjects(p, user)));
        model.addAttribute("grants", list);
        model.addAttribute("status", chosen);
        model.addAttribute("townships", townships);
        model.addAttribute("programmes", PROGRAMMES);
        model.addAttribute("programme", model.containsAttribute("programme") ? model.getAttribute("programme")
                : PROGRAMMES.get(0).name());
        model.addAttribute("subjects", subjects);
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE));
        LocalDate today = BusinessTime.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("year", today.getYear());
        return "subsidies/grants";
    }

    @PostMapping("/subsidies/grants")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    String apply(@RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        String programme = form.get("programme");
        String subject = form.get("subject." + programme);
        String asOf = form.get("asOf");
        try {
            GrantApplications.Grant grant = grants.apply(programme,
                    subject == null || subject.isBlank() ? null : Long.valueOf(subject.trim()),
                    asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf), currentUsers.require());
            return "redirect:/subsidies/grants/" + grant.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
            redirect.addFlashAttribute("programme", programme);
            return "redirect:/subsidies/grants";
        }
    }

    @GetMapping("/subsidies/grants/{id}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String grant(@PathVariable long id, Model model) {
        CurrentUser user = currentUsers.require();
        GrantApplications.Grant grant = grants.find(id, user)
                .orElseThrow(() -> ApiException.notFound("subsidies.grant.not-found", id));
        model.addAttribute("grant", grant);
        model.addAttribute("quote", json.readValue(grant.quote(), QuoteApiController.QuoteResponse.class));
        model.addAttribute("canDecide", currentUsers.has(SubsidyPermissions.APPROVE)
                && !grant.preparedBy().equals(user.username()));
        return "subsidies/grant";
    }

    @PostMapping("/subsidies/grants/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String approve(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            grants.approve(id, currentUsers.require());
            redirect.addFlashAttribute("decided", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/grants/" + id;
    }

    @PostMapping("/subsidies/grants/{id}/reject")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect,
                  Locale locale) {
        try {
            grants.reject(id, note, currentUsers.require());
            redirect.addFlashAttribute("decided", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/grants/" + id;
    }
}
