package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Checks a username and password for both the login form and HTTP Basic, and applies the lockout policy to both:
 * after {@code maxFailures} consecutive failures the account is locked for {@code lockDuration}, and while locked
 * even the right password is refused. Every outcome is audited.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final RoleAuthorities authorities;
    private final LoginPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    /** Compared against when the username is unknown, so that timing does not reveal which accounts exist. */
    private final String dummyHash;

    AccountAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder, RoleAuthorities authorities,
                                  LoginPolicy policy, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.authorities = authorities;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode(PasswordPolicy.generate(16));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalise(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Instant now = clock.instant();
        Optional<UserAccount> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            audit.record(AuditRecord.of("LOGIN_FAILURE", "user:" + username, AuditOutcome.FAILURE,
                    "reason=UNKNOWN_ACCOUNT").by(username));
            throw new BadCredentialsException("Bad credentials");
        }
        UserAccount account = found.get();
        if (account.isLockedAt(now)) {
            audit.record(AuditRecord.of("LOGIN_REJECTED_LOCKED", "user:" + username, AuditOutcome.DENIED,
                    "until=" + account.lockedUntil()).by(username));
            throw new LockedException("Account locked");
        }
        if (!encoder.matches(password, account.passwordHash())) {
            int failures = accounts.recordFailure(account.id(), now);
            audit.record(AuditRecord.of("LOGIN_FAILURE", "user:" + username, AuditOutcome.FAILURE,
                    "reason=BAD_PASSWORD failures=" + failures).by(username));
            if (failures >= policy.maxFailures()) {
                Instant until = now.plus(policy.lockDuration());
                accounts.lock(account.id(), until);
                audit.record(AuditRecord.of("ACCOUNT_LOCKED", "user:" + username, AuditOutcome.SUCCESS,
                        "failures=" + failures + " until=" + until).by(username));
                throw new LockedException("Account locked");
            }
            throw new BadCredentialsException("Bad credentials");
        }
        if (!account.enabled()) {
            audit.record(AuditRecord.of("LOGIN_FAILURE", "user:" + username, AuditOutcome.DENIED,
                    "reason=DISABLED").by(username));
            throw new DisabledException("Account disabled");
        }
        boolean api = isApiRequest();
        boolean cleanState = account.failedAttempts() == 0 && account.lockedUntil() == null;
        boolean recentlyAudited = api && account.lastLoginAt() != null
                && account.lastLoginAt().plus(policy.apiLoginAuditInterval()).isAfter(now);
        if (!(cleanState && recentlyAudited)) {
            accounts.recordSuccess(account.id(), now);
            audit.record(AuditRecord.success("LOGIN_SUCCESS", "user:" + username, api ? "channel=api" : "channel=web").by(username));
        }
        CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
                account.divisionCode(), account.bureau());
        AccountPrincipal principal = new AccountPrincipal(user, authorities.authoritiesOf(account.roles()),
                account.passwordMustChange());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isApiRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            String path = servlet.getRequest().getRequestURI();
            return path.startsWith("/api/") || path.startsWith("/actuator/");
        }
        return false;
    }
}
