package org.yilaoyixiao.outreach.internal;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.outreach.OutreachPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;

/** The township worklist, the printable letter, and the clerk's actions. */
@Controller
class OutreachPageController {

    private final Outreach outreach;
    private final Candidates candidates;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;

    OutreachPageController(Outreach outreach, Candidates candidates, DivisionDirectory divisions,
                           CurrentUsers currentUsers, org.springframework.context.MessageSource messages,
                           java.time.Clock clock) {
        this.outreach = outreach;
        this.candidates = candidates;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    String worklist(@RequestParam(required = false) String programme, @RequestParam(required = false) String division,
                    @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                    Model model) {
        CurrentUser actor = currentUsers.require();
        String p = programme == null || programme.isBlank() ? null : programme;
        String d = division == null || division.isBlank() ? null : division;
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("programmes", OutreachScan.PROGRAMMES);
        model.addAttribute("statuses", Outreach.STATUSES.stream().sorted().toList());
        model.addAttribute("programme", p);
        model.addAttribute("division", d);
        model.addAttribute("status", s);
        model.addAttribute("townships", divisions.children(actor.divisionCode()));
        model.addAttribute("counts", candidates.openByProgramme(outreach.scope(d, actor)));
        model.addAttribute("cases", outreach.worklist(p, d, s, PageRequest.of(page, 50), actor));
        return "outreach/worklist";
    }

    @GetMapping("/outreach/{id}/letter")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    String letter(@PathVariable long id, Model model) {
        Candidates.Candidate c = outreach.candidate(id, currentUsers.require());
        model.addAttribute("c", c);
        model.addAttribute("today", BusinessTime.today(clock));
        model.addAttribute("path", divisions.path(c.divisionCode()));
        return "outreach/letter";
    }

    @PostMapping("/outreach/{id}/notices")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.ACT + "')")
    String notice(@PathVariable long id, @RequestParam String channel, RedirectAttributes redirect, Locale locale) {
        try {
            outreach.notice(id, channel, currentUsers.require(), locale);
            redirect.addFlashAttribute("done", messages.getMessage("outreach.notice.recorded", null, locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/outreach";
    }

    @PostMapping("/outreach/{id}/outcome")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.ACT + "')")
    String outcome(@PathVariable long id, @RequestParam String outcome, @RequestParam(required = false) String note,
                   RedirectAttributes redirect, Locale locale) {
        try {
            outreach.outcome(id, outcome, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("outreach.outcome.recorded", null, locale));
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/outreach";
    }
}
