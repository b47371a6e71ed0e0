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
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.subsidies.SubsidyPermissions;
import org.yilaoyixiao.platform.security.DisplayNames;

/** 一次性补助: apply for an institution or provider, see the quote kept with it, approve or reject, export the list. */
@Controller
class GrantPageController {

    private static final List<Programme> PROGRAMMES = List.of(Programme.INSTITUTION_CONSTRUCTION,
            Programme.CHILDCARE_SLOT_CONSTRUCTION);
    private static final java.util.Set<String> STATUSES = java.util.Set.of("PENDING", "APPROVED", "REJECTED");

    private final GrantApplications grants;
    private final DisplayNames actors;
    private final CurrentUsers currentUsers;
    private final DivisionDirectory divisions;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    GrantPageController(GrantApplications grants, DisplayNames actors, CurrentUsers currentUsers,
                        DivisionDirectory divisions, MessageSource messages, ObjectMapper json, Clock clock) {
        this.grants = grants;
        this.actors = actors;
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
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Programme programme,
                @RequestParam(required = false) String division, @RequestParam(defaultValue = "false") boolean waiting,
                @RequestParam(required = false) Integer page, Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        String chosen = status == null || status.isBlank() ? null : status.strip();
        if (chosen != null && !STATUSES.contains(chosen)) {
            throw ApiException.validation("status", "UNKNOWN", "subsidies.filter.unknown");
        }
        if (programme != null && !PROGRAMMES.contains(programme)) {
            throw ApiException.validation("programme", "UNKNOWN", "subsidies.filter.unknown");
        }
        String chosenDivision = division == null || division.isBlank() ? null : division.strip();
        PageResponse<GrantApplications.Grant> results = grants.page(new GrantApplications.Filter(chosen, programme,
                chosenDivision, waiting ? user : null), PageRequest.of(page, 50), user);
        Map<String, String> places = new HashMap<>();
        results.items().forEach(g -> places.computeIfAbsent(g.townshipCode(),
                c -> divisions.find(c).map(Division::name).orElse("")));
        model.addAttribute("grants", results.items());
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("status", chosen);
        model.addAttribute("chosenProgramme", programme);
        model.addAttribute("division", chosenDivision);
        model.addAttribute("divisionName", chosenDivision == null ? null
                : divisions.find(chosenDivision).map(Division::name).orElse(null));
        model.addAttribute("waiting", waiting);
        model.addAttribute("places", places);
        model.addAttribute("names", actors.names(results.items().stream()
                .flatMap(g -> java.util.stream.Stream.of(g.preparedBy(), g.decidedBy())).toList(), locale));
        model.addAttribute("programmes", PROGRAMMES);
        model.addAttribute("programme", model.containsAttribute("programme") ? model.getAttribute("programme")
                : PROGRAMMES.get(0).name());
        model.addAttribute("canPrepare", currentUsers.has(SubsidyPermissions.PREPARE));
        LocalDate today = BusinessTime.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("year", String.valueOf(today.getYear()));
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
                    subjectId(subject),
                    asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf), currentUsers.require());
            return "redirect:/subsidies/grants/" + grant.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problemText(e, locale));
            redirect.addFlashAttribute("programme", programme);
            return "redirect:/subsidies/grants";
        }
    }

    private static Long subjectId(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(subject.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("subjectId", "INVALID", "subsidies.grant.subject.required");
        }
    }

    @GetMapping("/subsidies/grants/{id}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    String grant(@PathVariable long id, Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        GrantApplications.Grant grant = grants.find(id, user)
                .orElseThrow(() -> ApiException.notFound("subsidies.grant.not-found", id));
        model.addAttribute("grant", grant);
        model.addAttribute("names", actors.names(java.util.Arrays.asList(grant.preparedBy(), grant.decidedBy()),
                locale));
        model.addAttribute("place", divisions.path(grant.divisionCode()).stream().skip(1).map(Division::name)
                .collect(java.util.stream.Collectors.joining(" › ")));
        model.addAttribute("quote", json.readValue(grant.quote(), QuoteApiController.QuoteResponse.class));
        model.addAttribute("canDecide", currentUsers.has(SubsidyPermissions.APPROVE)
                && !grant.preparedBy().equals(user.username()));
        model.addAttribute("preparedByMe", grant.preparedBy().equals(user.username()));
        model.addAttribute("confirmation", Confirmations.grant(grant));
        // what this approval adds to the programme's grants approved this year (the preview's comparison)
        int year = grant.asOf().getYear();
        model.addAttribute("approvedThisYear", grants.approvedIn(year, user).stream()
                .filter(g -> g.programme().equals(grant.programme()))
                .map(GrantApplications.Grant::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("grantYear", String.valueOf(year));
        return "subsidies/grant";
    }

    @PostMapping("/subsidies/grants/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    String approve(@PathVariable long id, @RequestParam(required = false) String confirmation,
                   RedirectAttributes redirect, Locale locale) {
        try {
            grants.approveConfirmed(id, currentUsers.require(), confirmation);
            redirect.addFlashAttribute("decided", true);
        } catch (ApiException e) {
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
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
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", problemText(e, locale));
        }
        return "redirect:/subsidies/grants/" + id;
    }
}
