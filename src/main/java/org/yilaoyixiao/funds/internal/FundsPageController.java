package org.yilaoyixiao.funds.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.funds.FundsPermissions;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.platform.security.DisplayNames;

/**
 * The bureau's pages: institutions by risk status (paged, by status or one institution chosen with the picker, and
 * the form to open an account for an institution chosen the same way), one account with its holds and its movements
 * paged, the alerts paged and filtered, and one alert.
 */
@Controller
class FundsPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessTime.ZONE);

    private final CustodyAccounts accounts;
    private final FundsRepository repository;
    private final DisplayNames actors;
    private final FacilityDirectory facilities;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final StatementFiles files;
    private final PersonDirectory persons;
    private final ObjectMapper json;

    FundsPageController(CustodyAccounts accounts, FundsRepository repository, DisplayNames actors,
                        FacilityDirectory facilities, DivisionDirectory divisions, CurrentUsers currentUsers,
                        MessageSource messages, ObjectMapper json, StatementFiles files, PersonDirectory persons) {
        this.accounts = accounts;
        this.repository = repository;
        this.actors = actors;
        this.facilities = facilities;
        this.divisions = divisions;
        this.files = files;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String institutionName(Long institutionId) {
        return institutionId == null ? null : facilities.institution(institutionId).map(i -> i.name()).orElse(null);
    }

    @GetMapping("/funds")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String dashboard(@RequestParam(required = false) String status, @RequestParam(required = false) Long institution,
                     @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        String chosen = blank(status);
        PageResponse<Account> results = accounts.accounts(chosen, institution, PageRequest.of(page, 50), actor);
        model.addAttribute("accounts", results.items());
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("status", chosen);
        model.addAttribute("institution", institution);
        model.addAttribute("institutionName", institutionName(institution));
        model.addAttribute("counts", accounts.statusCounts(actor));
        model.addAttribute("openAlerts", accounts.openAlerts(actor));
        return "funds/dashboard";
    }

    /** Opens an institution's custody account, the institution chosen with the picker. */
    @PostMapping("/funds/accounts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    String open(@RequestParam(required = false) String institutionId, @RequestParam(required = false) String bank,
                @RequestParam(required = false) String accountNumber,
                @RequestParam(required = false) BigDecimal minimumRatio, RedirectAttributes redirect,
                Locale locale) {
        Long institution;
        try {
            institution = blank(institutionId) == null ? null : Long.valueOf(institutionId.strip());
        } catch (NumberFormatException e) {
            institution = null;
        }
        try {
            Account account = accounts.open(institution, bank, accountNumber, minimumRatio, List.of(),
                    currentUsers.require());
            redirect.addFlashAttribute("opened", true);
            return "redirect:/funds/accounts/" + account.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("openProblems", e.messagesIn(messages, locale));
            redirect.addFlashAttribute("openBank", bank);
            return "redirect:/funds";
        }
    }

    @GetMapping("/funds/accounts/{id}")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String account(@PathVariable long id, @RequestParam(required = false) Integer page, Model model,
                   Locale locale) {
        CurrentUser actor = currentUsers.require();
        Account account = accounts.visible(id, actor);
        accounts.auditDetailRead(account);
        model.addAttribute("account", account);
        model.addAttribute("status", account.status().name());
        model.addAttribute("place", divisions.path(account.divisionCode()).stream().skip(1).map(Division::name)
                .reduce((a, b) -> a + " › " + b).orElse(""));
        model.addAttribute("ratio", ratioText(account.minimumRatio()));
        model.addAttribute("designated", repository.designated(id));
        var obligations = repository.obligations(id);
        model.addAttribute("obligations", obligations);
        // Names only (no ID numbers): the bureau needs to know whose money it is, not more.
        Map<Long, String> names = new LinkedHashMap<>();
        obligations.forEach(o -> names.computeIfAbsent(o.personId(),
                pid -> persons.find(pid).map(PersonSummary::name).orElse("—")));
        model.addAttribute("personNames", names);
        Map<Long, String> schedules = new LinkedHashMap<>();
        obligations.forEach(o -> schedules.put(o.id(), schedule(o.refundSchedule(), locale)));
        model.addAttribute("schedules", schedules);
        PageResponse<FundsRepository.Movement> movements = repository.movementsPage(id, PageRequest.of(page, 50));
        model.addAttribute("movements", movements.items());
        model.addAttribute("pager", Pager.of(movements));
        var holds = repository.holds(id);
        model.addAttribute("holds", holds);
        // A hold the rules placed stores its reasons as alert kinds and the bank reference: show them in words.
        Map<Long, String> holdReasons = new LinkedHashMap<>();
        for (var h : holds) {
            holdReasons.put(h.id(), h.automatic() ? systemReason(h.reason(), locale) : h.reason());
        }
        model.addAttribute("holdReasons", holdReasons);
        model.addAttribute("activeHold", repository.activeHold(id).orElse(null));
        PageResponse<FundsRepository.Alert> alerts = accounts.alerts(new FundsRepository.AlertFilter(null, null,
                account.institutionId(), null), new PageRequest(0, 20), actor);
        model.addAttribute("alerts", alerts.items());
        model.addAttribute("alertTotal", alerts.totalElements());
        model.addAttribute("notices", repository.notices(id));
        model.addAttribute("names", actors.names(holds.stream().flatMap(h -> Stream.of(h.placedBy(), h.releasedBy()))
                .toList(), locale));
        List<FundsRepository.Movement> timeline = repository.movements(id);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", timeline.stream().map(m -> TIME.format(m.at())).toList());
        chart.put("balance", timeline.stream().map(m -> m.balanceAfter().toPlainString()).toList());
        chart.put("minimum", account.requiredMinimum().toPlainString());
        chart.put("balanceName", messages.getMessage("funds.balance", null, locale));
        chart.put("minimumName", messages.getMessage("funds.required-minimum", null, locale));
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "funds/account";
    }

    /** What releasing the hold would do, and the button that confirms exactly this (issue 19). */
    @GetMapping("/funds/accounts/{id}/release")
    @PreAuthorize("hasAuthority('" + FundsPermissions.RELEASE + "')")
    String releasePreview(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                          Locale locale) {
        ReleasePreviews.Preview preview;
        try {
            preview = accounts.previewRelease(id, currentUsers.require());
        } catch (ApiException e) {
            rethrowNotFound(e);
            if (e.code() == ProblemCode.CONFLICT) {
                // nothing on hold (released meanwhile): back to the account, which says so
                return "redirect:/funds/accounts/" + id;
            }
            throw e;
        }
        model.addAttribute("preview", preview);
        model.addAttribute("account", preview.account());
        model.addAttribute("reason", reason);
        model.addAttribute("money", new MoneyText());
        Map<Long, String> names = new LinkedHashMap<>();
        preview.obligations().forEach(o -> names.computeIfAbsent(o.personId(),
                pid -> persons.find(pid).map(PersonSummary::name).orElse("—")));
        model.addAttribute("personNames", names);
        model.addAttribute("placedBy", preview.hold().automatic() ? null
                : actors.names(List.of(preview.hold().placedBy()), locale).get(preview.hold()
                .placedBy()));
        return "funds/release";
    }

    /** Money formatted for the preview page. */
    static final class MoneyText {
        public String of(BigDecimal amount) {
            return money(amount);
        }
    }

    @PostMapping("/funds/accounts/{id}/release")
    @PreAuthorize("hasAuthority('" + FundsPermissions.RELEASE + "')")
    String release(@PathVariable long id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String confirmation, RedirectAttributes redirect, Locale locale) {
        try {
            accounts.release(id, reason, confirmation, currentUsers.require());
            redirect.addFlashAttribute("released", true);
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", problem(e, locale));
            if (e.code() == ProblemCode.VALIDATION_FAILED || "funds.release.stale".equals(e.detailKey())) {
                // no confirmation, a stale one or no reason: show the preview as the account is now
                redirect.addAttribute("reason", reason);
                return "redirect:/funds/accounts/" + id + "/release";
            }
        }
        return "redirect:/funds/accounts/" + id;
    }

    @PostMapping("/funds/accounts/{id}/hold")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    String hold(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
                Locale locale) {
        try {
            accounts.placeHold(id, reason, currentUsers.require());
            redirect.addFlashAttribute("held", true);
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", problem(e, locale));
        }
        return "redirect:/funds/accounts/" + id;
    }

    @PostMapping("/funds/accounts/{id}/statements")
    @PreAuthorize("hasAuthority('" + FundsPermissions.FEED + "')")
    String importStatement(@PathVariable long id, @RequestParam("file") MultipartFile file,
                           RedirectAttributes redirect, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        accounts.visible(id, actor);
        try {
            redirect.addFlashAttribute("imported", accounts.importStatement(id, file.getOriginalFilename(),
                    files.read(file.getOriginalFilename(), file.getInputStream()), actor));
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("importProblems", e.messagesIn(messages, locale));
        }
        return "redirect:/funds/accounts/" + id;
    }

    @PostMapping("/funds/accounts/{id}/reveal")
    @PreAuthorize("hasAuthority('" + FundsPermissions.REVEAL + "')")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("number", accounts.revealAccountNumber(id, currentUsers.require()));
        return "funds/account :: revealed";
    }

    @GetMapping("/funds/alerts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String alerts(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) Long institution, @RequestParam(required = false) String month,
                  @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        YearMonth chosenMonth;
        try {
            chosenMonth = blank(month) == null ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month", "INVALID", "funds.month.invalid");
        }
        FundsRepository.AlertFilter filter = new FundsRepository.AlertFilter(blank(status), blank(kind), institution,
                chosenMonth);
        PageResponse<FundsRepository.Alert> results = accounts.alerts(filter, PageRequest.of(page, 50), actor);
        model.addAttribute("alerts", results.items());
        model.addAttribute("pager", Pager.of(results));
        model.addAttribute("filter", filter);
        model.addAttribute("status", filter.status());
        model.addAttribute("month", chosenMonth == null ? null : chosenMonth.toString());
        model.addAttribute("institutionName", institutionName(institution));
        model.addAttribute("kinds", List.of("BELOW_MINIMUM", "LARGE_OUTFLOW", "NON_DESIGNATED", "STRUCTURING",
                "HOLD_VIOLATION", "MANUAL_HOLD"));
        model.addAttribute("times", times(results.items()));
        return "funds/alerts";
    }

    /** One alert: what happened on which account, the movement behind it, who saw it and how it was resolved. */
    @GetMapping("/funds/alerts/{id}")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String alert(@PathVariable long id, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        FundsRepository.Alert alert = accounts.alert(id, actor);
        model.addAttribute("alert", alert);
        model.addAttribute("movement", alert.movementId() == null ? null : repository.movement(alert.movementId()));
        model.addAttribute("eventAt", TIME.format(alert.eventAt()));
        model.addAttribute("raisedAt", TIME.format(alert.raisedAt()));
        model.addAttribute("names", actors.names(java.util.Arrays.asList(alert.acknowledgedBy(), alert.resolvedBy()),
                locale));
        return "funds/alert";
    }

    @PostMapping("/funds/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            accounts.acknowledge(id, currentUsers.require());
            redirect.addFlashAttribute("acknowledged", true);
        } catch (ApiException e) {
            rethrowNotFound(e);
            redirect.addFlashAttribute("problem", problem(e, locale));
        }
        return "redirect:/funds/alerts/" + id;
    }

    private static void rethrowNotFound(ApiException e) {
        if (e.code() == ProblemCode.NOT_FOUND) {
            throw e;
        }
    }

    private static Map<Long, String> times(List<FundsRepository.Alert> alerts) {
        Map<Long, String> times = new LinkedHashMap<>();
        alerts.forEach(a -> times.put(a.id(), TIME.format(a.eventAt())));
        return times;
    }

    /** A ratio as a percentage ("20%"); null is the configured default. */
    private String ratioText(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        BigDecimal percent = ratio.multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }

    /** A refund schedule ([{due, amount}]) in words: "2026-12-31 退还 1,000.00 元；…". */
    private String schedule(String scheduleJson, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (Object entry : json.readValue(scheduleJson, List.class)) {
            if (entry instanceof Map<?, ?> instalment) {
                parts.add(messages.getMessage("funds.obligation.instalment", new Object[] {
                        String.valueOf(instalment.get("due")),
                        money(new BigDecimal(String.valueOf(instalment.get("amount"))))}, locale));
            }
        }
        return parts.isEmpty() ? messages.getMessage("funds.obligation.no-schedule", null, locale)
                : String.join(messages.getMessage("funds.list-separator", null, "；", locale), parts);
    }

    private String systemReason(String reason, Locale locale) {
        int space = reason.indexOf(' ');
        String kinds = space < 0 ? reason : reason.substring(0, space);
        String reference = space < 0 ? "" : reason.substring(space + 1);
        List<String> words = new ArrayList<>();
        for (String kind : kinds.split(",")) {
            words.add(messages.getMessage("funds.alert.kind." + kind, null, kind, locale));
        }
        return messages.getMessage("funds.hold.system-reason", new Object[]{String.join("、", words), reference},
                locale);
    }

    private String problem(ApiException e, Locale locale) {
        return String.join("；", e.messagesIn(messages, locale));
    }

    /** Money as a clerk writes it: thousands separated, two decimals. */
    static String money(BigDecimal amount) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(amount.setScale(2, java.math.RoundingMode.HALF_UP));
    }
}
