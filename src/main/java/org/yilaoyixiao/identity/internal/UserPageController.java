package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.identity.IdentityPermissions;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.web.Pager;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;

/** User management for administrators: the list of accounts in scope, the new-account form, unlock and disable. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('" + IdentityPermissions.READ_USERS + "')")
class UserPageController {

    static final int PAGE_SIZE = 50;

    private final AccountRegistration registration;
    private final AccountAdministration administration;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final PasswordChange passwordChange;

    UserPageController(AccountRegistration registration, AccountAdministration administration,
                       DivisionDirectory divisions, CurrentUsers currentUsers, Clock clock,
                       PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
        this.registration = registration;
        this.administration = administration;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * The accounts of one's scope, filtered by name, role, division (picked by name) and state — the administrators'
     * inbox links here with {@code status=LOCKED} or {@code NEVER_USED} — a page of {@value #PAGE_SIZE} with a total.
     */
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) String division,
                @RequestParam(required = false) AccountCriteria.Status status,
                @RequestParam(required = false) Integer page, Model model) {
        CurrentUser actor = currentUsers.require();
        String text = q == null || q.isBlank() ? null : q.strip();
        String divisionCode = division == null || division.isBlank() ? null : division.strip();
        PageResponse<UserAccount> accounts = administration.list(actor,
                new AccountCriteria(text, role, divisionCode, status), clock.instant(), PageRequest.of(page, PAGE_SIZE));
        model.addAttribute("accounts", accounts);
        model.addAttribute("pager", Pager.of(accounts));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("status", status);
        model.addAttribute("statuses", AccountCriteria.Status.values());
        model.addAttribute("division", divisionCode);
        model.addAttribute("divisionName", divisionCode == null ? null
                : divisions.find(divisionCode).map(Division::name).orElse(null));
        model.addAttribute("divisionNames", divisionNames(accounts.items()));
        model.addAttribute("now", clock.instant());
        return "users/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String form(Model model) {
        model.addAttribute("form", new UserForm());
        return prepareForm(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            UserAccount account = registration.register(form.toNewAccount(), currentUsers.require());
            redirect.addFlashAttribute("created", account.username());
            // the new account is shown found, however many accounts there are
            redirect.addAttribute("q", account.username());
            return "redirect:/admin/users";
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                binding.reject(e.detailKey(), e.detailArgs(), e.detailKey());
            }
            for (ApiException.FieldProblem problem : e.fieldProblems()) {
                binding.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            }
            form.setPassword(null);
            return prepareForm(model);
        }
    }

    @PostMapping("/{username}/unlock")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        administration.unlock(currentUsers.require(), username);
        redirect.addFlashAttribute("unlocked", username);
        return "redirect:/admin/users";
    }

    @GetMapping("/{username}/password")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String resetForm(@PathVariable String username, Model model) {
        model.addAttribute("account", administration.get(currentUsers.require(), username));
        return "users/reset-password";
    }

    @PostMapping("/{username}/password")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String reset(@PathVariable String username, @RequestParam String newPassword, Model model,
                 RedirectAttributes redirect) {
        try {
            passwordChange.reset(currentUsers.require(), username, newPassword);
        } catch (ApiException e) {
            model.addAttribute("account", administration.get(currentUsers.require(), username));
            model.addAttribute("problems", e.fieldProblems());
            return "users/reset-password";
        }
        redirect.addFlashAttribute("reset", username);
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/enabled")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            administration.setEnabled(currentUsers.require(), username, enabled);
        } catch (ApiException e) {
            if (e.code() == org.yilaoyixiao.platform.api.ProblemCode.NOT_FOUND) {
                throw e; // a missing account or one outside the scope: the 404 page
            }
            redirect.addFlashAttribute("errorKey", e.detailKey());
        }
        return "redirect:/admin/users";
    }

    private String prepareForm(Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("roles", Role.values());
        model.addAttribute("bureaus", org.yilaoyixiao.platform.security.Bureau.values());
        UserForm form = (UserForm) model.getAttribute("form");
        String code = form == null || form.getDivisionCode() == null || form.getDivisionCode().isBlank() ? null
                : form.getDivisionCode().strip();
        model.addAttribute("divisionName", code == null ? null
                : divisions.find(code).filter(d -> divisions.isWithin(actor.divisionCode(), d.code()))
                .map(Division::name).orElse(null));
        return "users/form";
    }

    /** The names of the divisions of the accounts shown (a handful of look-ups, not the whole tree). */
    private Map<String, String> divisionNames(java.util.List<UserAccount> shown) {
        Map<String, String> names = new java.util.HashMap<>();
        for (UserAccount account : shown) {
            names.computeIfAbsent(account.divisionCode(),
                    code -> divisions.find(code).map(Division::name).orElse(null));
        }
        return names;
    }
}
