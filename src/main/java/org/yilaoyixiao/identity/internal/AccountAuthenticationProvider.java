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
import org.springframework.security.core.AuthenticationException;
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
 * even the right password is refused (before it is checked). Unknown usernames lock the same way, and a client address
 * with too many failures is throttled for a while ({@link LoginThrottle}). Every outcome is audited.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final RoleAuthorities authorities;
    private final LoginPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoginThrottle throttle;
    /** Compared against when the username is unknown, so that timing does not reveal which accounts exist. */
    private final String dummyHash;

    AccountAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder, RoleAuthorities authorities,
                                  LoginPolicy policy, AuditTrail audit, Clock clock,
                                  LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.authorities = authorities;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
        this.dummyHash = encoder.encode(PasswordPolicy.generate(16));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = normalise(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Instant now = clock.instant();
        String address = clientAddress();
        boolean throttled = address != null && !policy.unthrottledAddresses().contains(address);
        if (throttled && throttle.addressBlocked(address, now)) {
            audit.record(AuditRecord.of("LOGIN_THROTTLED", "user:" + username, AuditOutcome.DENIED,
                    "address=" + address).by(username));
            throw new LoginThrottledException();
        }
        Optional<UserAccount> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            throw unknownAccount(username, password, now);
        }
        UserAccount account = found.get();
        // refused before its password is checked: a locked account is never guessed at (read fresh, not from the row)
        if (accounts.lockedAt(account.id(), now)) {
            audit.record(AuditRecord.of("LOGIN_REJECTED_LOCKED", "user:" + username, AuditOutcome.DENIED,
                    "until=" + account.lockedUntil()).by(username));
            throw new LockedException("Account locked");
        }
        if (!encoder.matches(password, account.passwordHash())) {
            Instant until = now.plus(policy.lockDuration());
            UserAccountRepository.Failure failure = accounts.recordLoginFailure(account.id(), policy.maxFailures(),
                    until, now);
            audit.record(AuditRecord.of("LOGIN_FAILURE", "user:" + username, AuditOutcome.FAILURE,
                    "reason=BAD_PASSWORD failures=" + failure.failures()).by(username));
            addressFailed(address, throttled, now);
            if (failure.locked()) {
                if (failure.failures() == policy.maxFailures()) {
                    audit.record(AuditRecord.of("ACCOUNT_LOCKED", "user:" + username, AuditOutcome.SUCCESS,
                            "failures=" + failure.failures() + " until=" + until).by(username));
                }
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
        // an API client authenticates on every call: its success is noted at most once per interval (LoginPolicy)
        boolean cleanState = account.failedAttempts() == 0 && account.lockedUntil() == null;
        boolean recentlyAudited = api && account.lastLoginAt() != null
                && account.lastLoginAt().plus(policy.apiLoginAuditInterval()).isAfter(now);
        boolean noted = !(cleanState && recentlyAudited);
        if (!accounts.succeed(account.id(), now, noted)) {
            audit.record(AuditRecord.of("LOGIN_REJECTED_LOCKED", "user:" + username, AuditOutcome.DENIED,
                    "reason=LOCKED_BY_PARALLEL_ATTEMPTS").by(username));
            throw new LockedException("Account locked");
        }
        if (noted) {
            audit.record(AuditRecord.success("LOGIN_SUCCESS", "user:" + username, api ? "channel=api" : "channel=web").by(username));
        }
        CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
                account.divisionCode(), account.bureau());
        AccountPrincipal principal = new AccountPrincipal(user, authorities.authoritiesOf(account.roles()),
                account.passwordMustChange(), account.sessionStamp());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /**
     * A username nobody has is answered exactly as a real account would be: a hash is still compared (same time),
     * failures are counted and lock it after the same number, and while locked it is refused without a comparison —
     * so neither the answer nor its time tells whether an account exists.
     */
    private AuthenticationException unknownAccount(String username, String password, Instant now) {
        Optional<Integer> attempt = throttle.attemptUnknownUser(username, policy.maxFailures(), policy.lockDuration(),
                now);
        if (attempt.isEmpty()) {
            // refused without comparing a hash, as a locked real account is
            audit.record(AuditRecord.of("LOGIN_REJECTED_LOCKED", "user:" + username, AuditOutcome.DENIED,
                    "reason=UNKNOWN_ACCOUNT").by(username));
            return new LockedException("Account locked");
        }
        encoder.matches(password, dummyHash);
        String address = clientAddress();
        addressFailed(address, address != null && !policy.unthrottledAddresses().contains(address), now);
        audit.record(AuditRecord.of("LOGIN_FAILURE", "user:" + username, AuditOutcome.FAILURE,
                "reason=UNKNOWN_ACCOUNT failures=" + attempt.get()).by(username));
        if (attempt.get() >= policy.maxFailures()) {
            return new LockedException("Account locked");
        }
        return new BadCredentialsException("Bad credentials");
    }

    private void addressFailed(String address, boolean throttled, Instant now) {
        if (throttled && throttle.addressFailed(address, policy.addressMaxFailures(), policy.addressWindow(), now)) {
            audit.record(AuditRecord.of("LOGIN_THROTTLED", "address:" + address, AuditOutcome.SUCCESS,
                    "failures>=" + policy.addressMaxFailures() + " window=" + policy.addressWindow()));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static boolean isApiRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            String path = servlet.getRequest().getRequestURI();
            return path.startsWith("/api/") || path.startsWith("/actuator/");
        }
        return false;
    }
}
