package org.yilaoyixiao.outreach.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.outreach.OutreachPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/**
 * "立即扫描" on the worklist: starts a county-wide scan in the background (one at a time), and the status line that
 * shows it running — refreshing itself until it ends, then the whole page with the new counts — or when the last scan
 * finished and what it found.
 */
@Controller
class ScanPageController {

    private final ScanRuns runs;
    private final ScanStatus scans;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    ScanPageController(ScanRuns runs, ScanStatus scans, CurrentUsers currentUsers, MessageSource messages) {
        this.runs = runs;
        this.scans = scans;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @PostMapping("/outreach/scan")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.SCAN + "')")
    String start(RedirectAttributes redirect, Locale locale) {
        try {
            runs.startNow(currentUsers.require());
            redirect.addFlashAttribute("scanMessage", messages.getMessage("outreach.scan.started", null, locale));
        } catch (ApiException e) {
            ScanStatus.ScanView view = scans.view(locale);
            redirect.addFlashAttribute("scanProblem", messages.getMessage("outreach.scan.busy",
                    new Object[]{view.runningBy(), view.runningSince()}, locale));
        }
        return "redirect:/outreach";
    }

    /** Polled while a scan runs; once it has ended, the page reloads to show the new counts. */
    @GetMapping("/outreach/scan")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    String status(@RequestParam(required = false) String after, Model model, Locale locale,
                  HttpServletResponse response) {
        ScanStatus.ScanView view = scans.view(locale);
        if ("running".equals(after) && !view.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("scan", view);
        return "outreach/scan :: status";
    }
}
