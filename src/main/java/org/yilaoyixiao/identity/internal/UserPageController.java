package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;

/** User management for administrators: the list of accounts in scope, the new-account form, unlock and disable. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('" + IdentityPermissions.READ_USERS + "')")
class UserPageController {

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

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("accounts", administration.list(actor, q, new PageRequest(Math.max(page, 0), 50)));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("divisionNames", divisionNames(actor));
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
            redirect.addFlashAttribute("errorKey", e.detailKey());
        }
        return "redirect:/admin/users";
    }

    private String prepareForm(Model model) {
        CurrentUser actor = currentUsers.require();
        model.addAttribute("roles", Role.values());
        model.addAttribute("bureaus", org.yilaoyixiao.platform.security.Bureau.values());
        model.addAttribute("divisionOptions", divisions.subtree(actor.divisionCode()));
        return "users/form";
    }

    private Map<String, String> divisionNames(CurrentUser actor) {
        return divisions.subtree(actor.divisionCode()).stream()
                .collect(Collectors.toMap(Division::code, Division::name, (a, b) -> a));
    }
}
