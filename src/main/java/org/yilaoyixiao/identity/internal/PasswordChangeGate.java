package org.yilaoyixiao.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;

/**
 * Holds a user whose password someone else knows (generated, initial or reset) at the password page until they
 * choose their own: pages redirect there, the API answers {@code PASSWORD_CHANGE_REQUIRED}.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    static final String API = "/api/v1/me/password";
    private static final Set<String> OPEN = Set.of(PAGE, API, "/api/v1/me", "/logout", "/login", "/error");

    private final ProblemResponseWriter problems;

    PasswordChangeGate(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && principal.passwordChangeRequired() && !OPEN.contains(path) && !isStatic(path)) {
            if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
                problems.write(request, response, ProblemCode.PASSWORD_CHANGE_REQUIRED);
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }
}
