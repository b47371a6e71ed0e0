package org.yilaoyixiao.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;

/**
 * Ends a web session whose account was disabled or whose password an administrator reset after it was opened: the
 * session carries the account's stamp from login ({@link AccountPrincipal#sessionStamp()}), and every request (static
 * files aside) checks it against the database with one indexed look-up, so this holds across instances too.
 */
class SessionStampCheck extends OncePerRequestFilter {

    private final UserAccountRepository accounts;
    private final AuditTrail audit;

    SessionStampCheck(UserAccountRepository accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
                && !accounts.sessionValid(principal.user().id(), principal.sessionStamp())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            audit.record(AuditRecord.of("SESSION_ENDED", "user:" + principal.getUsername(), AuditOutcome.DENIED,
                    "reason=ACCOUNT_CHANGED path=" + request.getRequestURI()).by(principal.getUsername()));
            String login = request.getContextPath() + "/login?ended";
            if (request.getHeader("HX-Request") != null) {
                // htmx follows this header with a full page load instead of swapping the login page into a fragment
                response.setHeader("HX-Redirect", login);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/favicon.ico") || path.equals("/login");
    }
}
