package org.yilaoyixiao.outreach.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.outreach.OutreachPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.workspace.WorkspacePermissions;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * The worklist (paged, filtered by programme, division picker, status and month found, exported to Excel), one
 * case with its rule trace in words, its notices and its outcome, the printable letter, and the clerk's actions.
 */
@Controller
class OutreachPageController {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final Outreach outreach;
    private final Candidates candidates;
    private final OutreachTraces traces;
    private final DisplayNames actors;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final ScanStatus scans;

    OutreachPageController(Outreach outreach, Candidates candidates, OutreachTraces traces, DisplayNames actors,
                           DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages,
                           java.time.Clock clock, ScanStatus scans) {
        this.scans = scans;
        this.outreach = outreach;
        this.candidates = candidates;
        this.traces = traces;
        this.actors = actors;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.clock = clock;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static YearMonth month(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month", "INVALID", "outreach.month.invalid");
        }
    }

    /** Township and village names by code for the rows of a page (one query for the reader's scope). */
    private Map<String, String> places(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
    }

    @GetMapping("/outreach")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    String worklist(@RequestParam(required = false) String programme, @RequestParam(required = false) String division,
                    @RequestParam(required = false) String status, @RequestParam(required = false) String month,
                    @RequestParam(required = false) Integer page, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        String d = blank(division);
        Candidates.Filter filter = Outreach.filter(blank(programme), blank(status), month(month));
        PageResponse<Candidates.Candidate> cases = outreach.worklist(filter, d, PageRequest.of(page, 50), actor);
        model.addAttribute("programmes", OutreachScan.PROGRAMMES);
        model.addAttribute("statuses", List.of("OPEN", "NOTIFIED", "NOT_REACHABLE", "APPLIED", "DECLINED"));
        model.addAttribute("filter", filter);
        model.addAttribute("month", filter.foundIn() == null ? null : filter.foundIn().toString());
        model.addAttribute("division", d);
        model.addAttribute("divisionName", d == null ? null : divisions.find(d).map(Division::name).orElse(null));
        model.addAttribute("counts", candidates.openByProgramme(outreach.scope(d, actor)));
        model.addAttribute("cases", cases);
        model.addAttribute("pager", Pager.of(cases));
        model.addAttribute("places", places(actor));
        model.addAttribute("reasons", cases.items().stream().collect(Collectors.toMap(Candidates.Candidate::id,
                c -> traces.reasons(c.reasons(), locale))));
        model.addAttribute("foundDays", cases.items().stream().collect(Collectors.toMap(Candidates.Candidate::id,
                c -> DAY.format(c.firstFoundAt()))));
        model.addAttribute("canExport", currentUsers.has(WorkspacePermissions.EXPORT_LISTS));
        model.addAttribute("scan", scans.view(locale));
        return "outreach/worklist";
    }

    /** The worklist with the page's filters as Excel: ID numbers masked, reasons in words; audited. */
    @GetMapping("/outreach/export")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "') and hasAuthority('"
            + WorkspacePermissions.EXPORT_LISTS + "')")
    void export(@RequestParam(required = false) String programme, @RequestParam(required = false) String division,
                @RequestParam(required = false) String status, @RequestParam(required = false) String month,
                HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        String d = blank(division);
        Candidates.Filter filter = Outreach.filter(blank(programme), blank(status), month(month));
        Map<String, String> places = places(actor);
        outreach.scope(d, actor);
        List<String> headers = Arrays.asList("outreach.person", "outreach.id-number", "outreach.township",
                "outreach.village", "outreach.programme", "outreach.reasons", "outreach.status", "outreach.found-on",
                "outreach.notice-count").stream().map(k -> messages.getMessage(k, null, locale)).toList();
        Downloads.prepare(response, Downloads.XLSX, messages.getMessage("outreach.export.file",
                new Object[] {BusinessTime.today(clock).toString()}, locale) + ".xlsx");
        try (ListSheet sheet = new ListSheet(messages.getMessage("outreach.export.sheet", null, locale), headers)) {
            outreach.export(filter, d, actor, c -> sheet.add(Arrays.asList(c.name(), c.idNumberMasked(),
                    places.getOrDefault(c.townshipCode(), ""), places.getOrDefault(c.divisionCode(), ""),
                    messages.getMessage("outreach.programme." + c.programme(), null, locale),
                    traces.reasons(c.reasons(), locale),
                    messages.getMessage("outreach.status." + c.status(), null, locale),
                    c.firstFoundAt().atZone(BusinessTime.ZONE).toLocalDate(), c.notices())));
            sheet.writeTo(response.getOutputStream());
        }
    }

    /** One case: who, why (the rule trace in words), the notices sent and the outcome, with the actions. */
    @GetMapping("/outreach/{id}")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    String candidate(@PathVariable long id, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        Candidates.Candidate c = outreach.candidate(id, actor);
        List<Candidates.Notice> notices = candidates.notices(c.id());
        model.addAttribute("c", c);
        model.addAttribute("why", traces.explain(c, locale));
        model.addAttribute("reasons", traces.reasons(c.reasons(), locale));
        model.addAttribute("place", divisions.path(c.divisionCode()).stream().skip(1).map(Division::name)
                .collect(Collectors.joining(" › ")));
        model.addAttribute("notices", notices);
        model.addAttribute("foundOn", DAY.format(c.firstFoundAt()));
        model.addAttribute("outcomeOn", c.outcomeAt() == null ? null : DAY.format(c.outcomeAt()));
        model.addAttribute("names", actors.names(java.util.stream.Stream.concat(
                notices.stream().map(Candidates.Notice::sentBy), java.util.stream.Stream.of(c.outcomeBy())).toList(),
                locale));
        model.addAttribute("days", notices.stream().collect(Collectors.toMap(Candidates.Notice::id,
                n -> DAY.format(n.sentAt()))));
        return "outreach/case";
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
    String notice(@PathVariable long id, @RequestParam(required = false) String channel, RedirectAttributes redirect,
                  Locale locale) {
        try {
            outreach.notice(id, channel, currentUsers.require(), locale);
            redirect.addFlashAttribute("done", messages.getMessage("outreach.notice.recorded", null, locale));
        } catch (ApiException e) {
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/outreach/" + id;
    }

    @PostMapping("/outreach/{id}/outcome")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.ACT + "')")
    String outcome(@PathVariable long id, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        try {
            outreach.outcome(id, outcome, note, currentUsers.require());
            redirect.addFlashAttribute("done", messages.getMessage("outreach.outcome.recorded", null, locale));
        } catch (ApiException e) {
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", String.join("；", e.messagesIn(messages, locale)));
        }
        return "redirect:/outreach/" + id;
    }
}
