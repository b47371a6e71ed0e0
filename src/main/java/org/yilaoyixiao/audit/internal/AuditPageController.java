package org.yilaoyixiao.audit.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.audit.AuditPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.time.BusinessTime;

/** The auditors' page: filter the trail (htmx swaps the table) and check the chain. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('" + AuditPermissions.READ + "')")
class AuditPageController {

    private final AuditReview review;

    AuditPageController(AuditReview review) {
        this.review = review;
    }

    @GetMapping
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        AuditEventFilter filter = new AuditEventFilter(actor, type,
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        model.addAttribute("events", review.search(filter, new PageRequest(Math.max(page, 0), 50)));
        model.addAttribute("actor", actor);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", BusinessTime.ZONE);
        return htmx != null ? "audit/list :: table" : "audit/list";
    }

    @PostMapping("/verification")
    String verify(Model model) {
        model.addAttribute("verification", review.verify());
        return "audit/list :: verification";
    }
}
