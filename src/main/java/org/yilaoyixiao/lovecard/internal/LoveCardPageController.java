package org.yilaoyixiao.lovecard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.lovecard.FundingSource;
import org.yilaoyixiao.lovecard.LoveCardPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;

/** The love-card pages: the cards of an area with the allocation form, one card with top-up and statement, the tab. */
@Controller
class LoveCardPageController {

    private static final int PAGE_SIZE = 50;

    private final LoveCards loveCards;
    private final LoveCardSettings settings;
    private final LoveCardThresholds thresholds;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.yilaoyixiao.audit.AuditTrail audit;

    LoveCardPageController(LoveCards loveCards, LoveCardSettings settings, LoveCardThresholds thresholds,
                           DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages,
                           java.time.Clock clock, org.yilaoyixiao.audit.AuditTrail audit) {
        this.audit = audit;
        this.loveCards = loveCards;
        this.settings = settings;
        this.thresholds = thresholds;
        this.clock = clock;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/love-cards")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) Integer page,
                Model model) {
        return list(division, page, model, null, List.of());
    }

    private String list(String division, Integer page, Model model, LoveCards.AllocationResult allocation,
                        List<String> problems) {
        CurrentUser actor = currentUsers.require();
        String area = division == null || division.isBlank() ? null : division.strip();
        if (area != null && (divisions.find(area).isEmpty() || !divisions.isWithin(actor.divisionCode(), area))) {
            throw ApiException.validation("division", "OUT_OF_SCOPE", "lovecard.division.out-of-scope", area);
        }
        org.yilaoyixiao.platform.api.PageRequest request = org.yilaoyixiao.platform.api.PageRequest.of(page,
                PAGE_SIZE);
        long count = loveCards.countCards(area, actor);
        model.addAttribute("cards", loveCards.cardsIn(area, request.page(), request.size(), actor));
        model.addAttribute("count", count);
        model.addAttribute("division", area);
        model.addAttribute("divisionName", area == null ? null : divisions.find(area).map(d -> d.name()).orElse(""));
        // from the list's own address: the list is also answered to the allocation form's post
        org.springframework.web.util.UriComponentsBuilder self = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/love-cards");
        if (area != null) {
            self.queryParam("division", area);
        }
        model.addAttribute("pager", org.yilaoyixiao.platform.web.Pager.of(request.page(), request.size(), count,
                self));
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("pilots", String.join("、", settings.pilotDivisions().stream()
                .map(code -> divisions.find(code).map(d -> d.name()).orElse(code)).toList()));
        java.time.LocalDate today = org.yilaoyixiao.platform.time.BusinessTime.today(clock);
        model.addAttribute("minLevel", thresholds.minCapabilityLevel(today));
        model.addAttribute("minAge", thresholds.minAge(today));
        model.addAttribute("rule", settings.spendingRule().name());
        model.addAttribute("areas", settings.pilotDivisions().stream()
                .filter(code -> divisions.isWithin(actor.divisionCode(), code)
                        || divisions.isWithin(code, actor.divisionCode()))
                .map(code -> divisions.isWithin(actor.divisionCode(), code) ? code : actor.divisionCode())
                .distinct().map(code -> divisions.find(code).orElseThrow()).toList());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("allocation", allocation);
        model.addAttribute("problems", problems);
        return "lovecard/list";
    }

    /** The cards of an area as a spreadsheet: holder, masked ID number, village, each purse and the total. */
    @GetMapping("/love-cards/export")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "') and hasAuthority('"
            + org.yilaoyixiao.workspace.WorkspacePermissions.EXPORT_LISTS + "')")
    void export(@RequestParam(required = false) String division,
                jakarta.servlet.http.HttpServletResponse response, Locale locale) throws java.io.IOException {
        CurrentUser actor = currentUsers.require();
        List<String> headers = new java.util.ArrayList<>(List.of(text("lovecard.person", locale),
                text("lovecard.id-number", locale), text("lovecard.village", locale)));
        for (FundingSource s : FundingSource.values()) {
            headers.add(text("lovecard.source." + s, locale));
        }
        headers.add(text("lovecard.total", locale));
        try (org.yilaoyixiao.platform.spreadsheet.ListSheet sheet = new org.yilaoyixiao.platform.spreadsheet
                .ListSheet(text("lovecard.title", locale), headers)) {
            loveCards.eachCard(division, actor, c -> {
                List<Object> row = new java.util.ArrayList<>(List.of(c.person().name(), c.person().idNumberMasked(),
                        c.villageName()));
                for (FundingSource s : FundingSource.values()) {
                    row.add(c.balances().get(s));
                }
                row.add(c.total());
                sheet.add(row);
            });
            audit.record(org.yilaoyixiao.audit.AuditRecord.success("LIST_EXPORTED", "lovecards:"
                    + (division == null || division.isBlank() ? actor.divisionCode() : division.strip()),
                    "rows=" + sheet.rows()));
            org.yilaoyixiao.platform.web.Downloads.prepare(response, org.yilaoyixiao.platform.web.Downloads.XLSX,
                    text("lovecard.file", locale) + ".xlsx");
            sheet.writeTo(response.getOutputStream());
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** 拨付预览: how many cards, how much in all, where, against the previous allocation; then confirm. */
    @PostMapping("/love-cards/allocations/preview")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    String previewAllocation(@RequestParam String source, @RequestParam(required = false) BigDecimal amountPerCard,
                             @RequestParam String division, @RequestParam String reference,
                             @RequestParam(required = false) String donor, @RequestParam String idempotencyKey,
                             Model model, Locale locale) {
        try {
            model.addAttribute("preview", loveCards.previewAllocation(source, amountPerCard, division, reference,
                    donor, currentUsers.require()));
            model.addAttribute("divisionName", divisions.find(division.strip()).map(d -> d.name()).orElse(""));
            model.addAttribute("reference", reference.strip());
            model.addAttribute("donor", donor);
            model.addAttribute("idempotencyKey", idempotencyKey);
            return "lovecard/allocation-confirm";
        } catch (ApiException e) {
            return list(null, 0, model, null, explain(e, locale));
        }
    }

    @PostMapping("/love-cards/allocations")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    String allocate(@RequestParam String source, @RequestParam(required = false) BigDecimal amountPerCard,
                    @RequestParam String division, @RequestParam String reference,
                    @RequestParam(required = false) String donor, @RequestParam String idempotencyKey,
                    @RequestParam(required = false) String confirmation, Model model, Locale locale) {
        try {
            return list(null, 0, model, loveCards.allocateConfirmed(source, amountPerCard, division, reference, donor,
                    idempotencyKey, confirmation, currentUsers.require()), List.of());
        } catch (ApiException e) {
            return list(null, 0, model, null, explain(e, locale));
        }
    }

    @GetMapping("/love-cards/{personId}")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    String card(@PathVariable long personId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        return card(personId, from, to, model, null, List.of());
    }

    /** A statement line with its time in the county's zone, for display. */
    record Line(LocalDateTime at, FundingSource source, String kind, String description, BigDecimal amount,
                BigDecimal balanceAfter) {
    }

    private String card(long personId, LocalDate from, LocalDate to, Model model, String done,
                        List<String> problems) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("card", loveCards.card(personId, actor));
        LoveCards.Statement statement = loveCards.statement(personId, LoveCardApiController.start(from),
                LoveCardApiController.end(to), actor);
        model.addAttribute("statement", statement);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("lines", statement.lines().stream().map(l -> new Line(
                LocalDateTime.ofInstant(l.at(), BusinessTime.ZONE), l.source(), l.kind(),
                description(l.kind(), l.description(), locale), l.amount(), l.balanceAfter())).toList());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("done", done);
        model.addAttribute("problems", problems);
        return "lovecard/card";
    }

    private static final java.util.regex.Pattern PAYMENT = java.util.regex.Pattern.compile(
            "^([A-Z_]+) \\S+ #(\\d+)$");
    private static final java.util.regex.Pattern REFUND = java.util.regex.Pattern.compile("^退款 #(\\d+) ?(.*)$");

    /**
     * A statement line's description in words: a payment was stored as "CLEANING HC-01 #12" (category, item code,
     * order), a refund as "退款 #12 reason"; top-ups carry the reference the clerk typed.
     */
    private String description(String kind, String stored, Locale locale) {
        if (stored == null) {
            return "";
        }
        java.util.regex.Matcher payment = PAYMENT.matcher(stored);
        if (payment.matches()) {
            String category = messages.getMessage("services.category." + payment.group(1), null,
                    text("lovecard.line.service", locale), locale);
            return messages.getMessage("lovecard.line.payment", new Object[]{category, payment.group(2)}, locale);
        }
        java.util.regex.Matcher refund = REFUND.matcher(stored);
        if (refund.matches()) {
            return messages.getMessage("lovecard.line.refund", new Object[]{refund.group(1), refund.group(2)},
                    locale).strip();
        }
        return stored;
    }

    /** 充值预览: the purse before and after; then confirm. */
    @PostMapping("/love-cards/{personId}/top-ups/preview")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    String previewTopUp(@PathVariable long personId, @RequestParam String source,
                        @RequestParam(required = false) BigDecimal amount, @RequestParam String reference,
                        @RequestParam(required = false) String donor, @RequestParam String idempotencyKey,
                        Model model, Locale locale) {
        try {
            model.addAttribute("preview", loveCards.previewTopUp(personId, source, amount, reference, donor,
                    currentUsers.require()));
            model.addAttribute("reference", reference.strip());
            model.addAttribute("donor", donor);
            model.addAttribute("idempotencyKey", idempotencyKey);
            return "lovecard/top-up-confirm";
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e;
            }
            return card(personId, null, null, model, null, explain(e, locale));
        }
    }

    @PostMapping("/love-cards/{personId}/top-ups")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.FUND + "')")
    String topUp(@PathVariable long personId, @RequestParam String source,
                 @RequestParam(required = false) BigDecimal amount, @RequestParam String reference,
                 @RequestParam(required = false) String donor, @RequestParam String idempotencyKey,
                 @RequestParam(required = false) String confirmation, Model model, Locale locale) {
        try {
            LoveCards.TopUpResult result = loveCards.topUpConfirmed(personId, source, amount, reference, donor,
                    idempotencyKey, confirmation, currentUsers.require());
            String done = messages.getMessage(result.replayed() ? "lovecard.top-up.replayed" : "lovecard.top-up.done",
                    new Object[] {messages.getMessage("lovecard.source." + result.topUp().source(), null, locale),
                            result.topUp().amount().toPlainString()}, locale);
            return card(personId, null, null, model, done, List.of());
        } catch (ApiException e) {
            return card(personId, null, null, model, null, explain(e, locale));
        }
    }

    @GetMapping("/love-cards/persons/{personId}/tab")
    @PreAuthorize("hasAuthority('" + LoveCardPermissions.READ + "')")
    String tab(@PathVariable long personId, Model model) {
        model.addAttribute("card", loveCards.card(personId, currentUsers.require()));
        return "lovecard/tab :: card";
    }

    private List<String> explain(ApiException e, Locale locale) {
        return e.messagesIn(messages, locale);
    }
}
