package org.yilaoyixiao.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The user's own password page; also where a user whose password must change is held until they do. */
@Controller
@RequestMapping(PasswordChangeGate.PAGE)
class AccountPageController {

    private final PasswordChange passwordChange;
    private final CurrentUsers currentUsers;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPageController(PasswordChange passwordChange, CurrentUsers currentUsers) {
        this.passwordChange = passwordChange;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("required", required());
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam String currentPassword, @RequestParam String newPassword,
                  @RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
                  HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("required", required());
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("fieldErrors", Map.of("confirmPassword", List.of("password.confirm-mismatch")));
            return "account/password";
        }
        try {
            passwordChange.changeOwn(currentUsers.require(), currentPassword, newPassword);
        } catch (ApiException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            e.fieldProblems().forEach(p -> errors.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p.messageKey()));
            model.addAttribute("fieldErrors", errors);
            return "account/password";
        }
        releaseGate(request, response);
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/";
    }

    private boolean required() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p
                && p.passwordChangeRequired();
    }

    /** The session's principal no longer needs a password change. */
    private void releaseGate(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof AccountPrincipal principal) {
            AccountPrincipal released = principal.withPasswordChanged();
            UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(released,
                    null, released.getAuthorities());
            updated.setDetails(current.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(updated);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }
}
