package org.yilaoyixiao.funds.internal;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.funds.FundsPermissions;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import tools.jackson.databind.ObjectMapper;

/** The bureau's pages: institutions by risk status, one account's timeline with its holds, and the alerts. */
@Controller
class FundsPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessTime.ZONE);

    private final CustodyAccounts accounts;
    private final FundsRepository repository;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final StatementFiles files;
    private final PersonDirectory persons;
    private final ObjectMapper json;

    FundsPageController(CustodyAccounts accounts, FundsRepository repository, CurrentUsers currentUsers,
                        MessageSource messages, ObjectMapper json, StatementFiles files, PersonDirectory persons) {
        this.files = files;
        this.persons = persons;
        this.accounts = accounts;
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/funds")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String dashboard(Model model) {
        List<Account> all = accounts.accounts(currentUsers.require());
        Map<AccountStatus, List<Account>> byStatus = new EnumMap<>(AccountStatus.class);
        for (AccountStatus s : List.of(AccountStatus.ON_HOLD, AccountStatus.BELOW_MINIMUM, AccountStatus.NORMAL)) {
            byStatus.put(s, new ArrayList<>());
        }
        all.forEach(a -> byStatus.get(a.status()).add(a));
        List<Account> ordered = new ArrayList<>();
        byStatus.values().forEach(ordered::addAll);
        model.addAttribute("accounts", ordered);
        model.addAttribute("counts", byStatus.entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey().name(), e.getValue().size()), Map::putAll));
        model.addAttribute("openAlerts", accounts.alerts("OPEN", null, currentUsers.require()).size());
        return "funds/dashboard";
    }

    @GetMapping("/funds/accounts/{id}")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String account(@PathVariable long id, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        Account account = accounts.visible(id, actor);
        accounts.auditDetailRead(account);
        model.addAttribute("account", account);
        model.addAttribute("status", account.status().name());
        model.addAttribute("designated", repository.designated(id));
        var obligations = repository.obligations(id);
        model.addAttribute("obligations", obligations);
        // Names only (no ID numbers): the bureau needs to know whose money it is, not more.
        Map<Long, String> names = new LinkedHashMap<>();
        obligations.forEach(o -> names.computeIfAbsent(o.personId(),
                pid -> persons.find(pid).map(PersonSummary::name).orElse(Long.toString(pid))));
        model.addAttribute("personNames", names);
        var movements = repository.movements(id);
        model.addAttribute("movements", reversed(movements));
        var holds = repository.holds(id);
        model.addAttribute("holds", holds);
        // A hold the rules placed stores its reasons as alert kinds and the bank reference: show them in words.
        Map<Long, String> holdReasons = new LinkedHashMap<>();
        for (var h : holds) {
            holdReasons.put(h.id(), h.automatic() ? systemReason(h.reason(), locale) : h.reason());
        }
        model.addAttribute("holdReasons", holdReasons);
        model.addAttribute("activeHold", repository.activeHold(id).orElse(null));
        model.addAttribute("alerts", accounts.alerts(null, id, actor));
        model.addAttribute("notices", repository.notices(id));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", movements.stream().map(m -> TIME.format(m.at())).toList());
        chart.put("balance", movements.stream().map(m -> m.balanceAfter().toPlainString()).toList());
        chart.put("minimum", account.requiredMinimum().toPlainString());
        chart.put("balanceName", messages.getMessage("funds.balance", null, locale));
        chart.put("minimumName", messages.getMessage("funds.required-minimum", null, locale));
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "funds/account";
    }

    @PostMapping("/funds/accounts/{id}/release")
    @PreAuthorize("hasAuthority('" + FundsPermissions.RELEASE + "')")
    String release(@PathVariable long id, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect, Locale locale) {
        try {
            accounts.release(id, reason, currentUsers.require());
            redirect.addFlashAttribute("released", true);
        } catch (ApiException e) {
            if (e.code().status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", problem(e, locale));
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
            if (e.code().status().value() == 404) {
                throw e;
            }
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
            if (e.code().status().value() == 404) {
                throw e;
            }
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

    @PostMapping("/funds/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            accounts.acknowledge(id, currentUsers.require());
        } catch (ApiException e) {
            if (e.code().status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", problem(e, locale));
        }
        return "redirect:/funds/alerts";
    }

    @GetMapping("/funds/alerts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    String alerts(@RequestParam(required = false) String status, Model model) {
        String filter = status == null || status.isBlank() ? null : status;
        model.addAttribute("alerts", accounts.alerts(filter, null, currentUsers.require()));
        model.addAttribute("status", filter);
        return "funds/alerts";
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

    /** The newest hundred movements first. */
    private static List<FundsRepository.Movement> reversed(List<FundsRepository.Movement> movements) {
        List<FundsRepository.Movement> newestFirst = new ArrayList<>(movements);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(100, newestFirst.size()));
    }

    private String problem(ApiException e, Locale locale) {
        if (!e.fieldProblems().isEmpty()) {
            return messages.getMessage(e.fieldProblems().get(0).messageKey(), e.fieldProblems().get(0).args(),
                    locale);
        }
        return messages.getMessage(e.detailKey(), e.detailArgs(), locale);
    }
}
