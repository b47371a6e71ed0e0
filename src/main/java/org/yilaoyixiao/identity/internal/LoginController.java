package org.yilaoyixiao.identity.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final LoginPolicy policy;

    LoginController(LoginPolicy policy) {
        this.policy = policy;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", policy.lockDuration().toMinutes());
        model.addAttribute("throttleMinutes", policy.addressWindow().toMinutes());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "login";
    }
}
