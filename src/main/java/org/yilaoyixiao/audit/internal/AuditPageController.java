package org.yilaoyixiao.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.spreadsheet.ListSheet;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Downloads;
import org.yilaoyixiao.platform.web.Pager;

/**
 * The auditors' page: the trail filtered by event type (chosen by its label), actor (chosen by name), outcome and
 * dates, or only the reads and exports of personal data; paged with a total; the filtered part to Excel; the chain
 * check. Every record is shown in words ({@link AuditPresenter}).
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('" + AuditPermissions.READ + "')")
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditReview review;
    private final AuditPresenter presenter;
    private final AuditTypes types;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    AuditPageController(AuditReview review, AuditPresenter presenter, AuditTypes types, CurrentUsers currentUsers,
                        MessageSource messages) {
        this.review = review;
        this.presenter = presenter;
        this.types = types;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                @RequestParam(required = false) AuditOutcome outcome,
                @RequestParam(defaultValue = "false") boolean sensitive,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        AuditEventFilter filter = filter(actor, type, outcome, sensitive, from, to);
        PageResponse<AuditEventView> events = review.search(filter, PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("entries", presenter.present(events.items(), locale));
        model.addAttribute("pager", Pager.of(events));
        model.addAttribute("actor", filter.actor());
        model.addAttribute("actorName", actorName(filter.actor(), locale));
        model.addAttribute("type", filter.type());
        model.addAttribute("typeGroups", types.grouped(locale));
        model.addAttribute("unknownType", filter.type() != null && !types.codes().contains(filter.type()));
        model.addAttribute("outcome", outcome);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("sensitive", sensitive);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canExport", currentUsers.has(AuditPermissions.EXPORT));
        return htmx != null ? "audit/list :: results" : "audit/list";
    }

    /** The filtered trail as an Excel sheet: every column of the page, in words, plus the type's code. */
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('" + AuditPermissions.EXPORT + "')")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                @RequestParam(required = false) AuditOutcome outcome,
                @RequestParam(defaultValue = "false") boolean sensitive,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Locale locale, HttpServletResponse response) throws IOException {
        AuditEventFilter filter = filter(actor, type, outcome, sensitive, from, to);
        List<String> headers = List.of("audit.id", "audit.at", "audit.actor", "audit.account", "audit.type",
                "audit.type-code", "audit.target", "audit.outcome", "audit.detail", "audit.remote").stream()
                .map(key -> messages.getMessage(key, null, locale)).toList();
        try (ListSheet sheet = new ListSheet(messages.getMessage("audit.title", null, locale), headers)) {
            List<AuditEventView> batch = new java.util.ArrayList<>();
            review.export(filter, event -> {
                batch.add(event);
                if (batch.size() == 500) {
                    write(sheet, batch, locale);
                }
            });
            write(sheet, batch, locale);
            Downloads.prepare(response, Downloads.XLSX, messages.getMessage("audit.export.file",
                    new Object[]{LocalDate.now(BusinessTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE)}, locale));
            try (OutputStream out = response.getOutputStream()) {
                sheet.writeTo(out);
            }
        }
    }

    private void write(ListSheet sheet, List<AuditEventView> batch, Locale locale) {
        for (AuditPresenter.Entry e : presenter.present(batch, locale)) {
            sheet.add(java.util.Arrays.asList(e.id(), e.at(), e.actor().name() == null ? e.actor().code()
                            : e.actor().name(), e.actor().system() ? null : e.actor().code(),
                    e.typeLabel() == null ? e.typeCode() : e.typeLabel(), e.typeCode(),
                    e.target().text(), messages.getMessage("audit.outcome." + e.outcome(), null, e.outcome(), locale),
                    e.factsText(), e.remoteAddress()));
        }
        batch.clear();
    }

    @PostMapping("/verification")
    String verify(Model model) {
        model.addAttribute("verification", review.verify());
        return "audit/list :: verification";
    }

    private AuditEventFilter filter(String actor, String type, AuditOutcome outcome, boolean sensitive,
                                    LocalDate from, LocalDate to) {
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        String what = type == null || type.isBlank() ? null : type.strip();
        if (who != null && who.length() > 100) {
            throw ApiException.validation("actor", "TOO_LONG", "audit.filter.actor.invalid");
        }
        if (what != null && !AuditTypes.CODE.matcher(what).matches()) {
            throw ApiException.validation("type", "UNKNOWN", "audit.filter.type.invalid");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation("to", "BEFORE_FROM", "audit.filter.dates");
        }
        Set<String> reads = sensitive ? types.sensitiveReads() : Set.of();
        return new AuditEventFilter(who, what, reads, outcome == null ? null : outcome.name(),
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
    }

    /** What the actor picker shows for the chosen actor: the display name, or the platform in words. */
    private String actorName(String actor, Locale locale) {
        if (actor == null) {
            return null;
        }
        AuditPresenter.Actor shown = presenter.actor(actor, presenter.displayNames(List.of(actor)), locale);
        return shown.text();
    }
}
