package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * A user changes their own password (knowing the current one); an administrator resets someone else's, which the
 * user must then change at their next login.
 */
@Service
class PasswordChange {

    private final UserAccountRepository accounts;
    private final AccountAdministration administration;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final LoginPolicy policy;

    PasswordChange(UserAccountRepository accounts, AccountAdministration administration, PasswordEncoder encoder,
                   AuditTrail audit, Clock clock, TransactionTemplate transactions, LoginPolicy policy) {
        this.policy = policy;
        this.accounts = accounts;
        this.administration = administration;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    void changeOwn(CurrentUser user, String currentPassword, String newPassword) {
        UserAccount account = accounts.findByUsername(user.username()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            // guessing the current password through this form counts like failed logins
            countFailure(account);
            problems.add(new FieldProblem("currentPassword", "WRONG_PASSWORD", "password.current-wrong", null));
        }
        for (String violation : PasswordPolicy.violations(newPassword, account.username())) {
            problems.add(new FieldProblem("newPassword", "WEAK_PASSWORD", violation, null));
        }
        if (newPassword != null && encoder.matches(newPassword, account.passwordHash())) {
            problems.add(new FieldProblem("newPassword", "UNCHANGED", "password.unchanged", null));
        }
        if (!problems.isEmpty()) {
            audit.record(AuditRecord.of("PASSWORD_CHANGED", "user:" + account.username(), AuditOutcome.FAILURE,
                    "problems=" + problems.stream().map(FieldProblem::code).distinct().toList()));
            throw ApiException.validation(problems);
        }
        String hash = encoder.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            accounts.changePassword(account.id(), hash, false, clock.instant());
            audit.record(AuditRecord.success("PASSWORD_CHANGED", "user:" + account.username(), "by=self"));
        });
    }

    private void countFailure(UserAccount account) {
        Instant now = clock.instant();
        int failures = accounts.recordFailure(account.id(), now);
        if (failures >= policy.maxFailures()) {
            Instant until = now.plus(policy.lockDuration());
            accounts.lock(account.id(), until);
            audit.record(AuditRecord.of("ACCOUNT_LOCKED", "user:" + account.username(), AuditOutcome.SUCCESS,
                    "failures=" + failures + " until=" + until + " reason=WRONG_CURRENT_PASSWORD"));
        }
    }

    void reset(CurrentUser administrator, String username, String newPassword) {
        UserAccount account = administration.get(administrator, username);
        List<String> violations = PasswordPolicy.violations(newPassword, account.username());
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations.stream()
                    .map(v -> new FieldProblem("newPassword", "WEAK_PASSWORD", v, null)).toList());
        }
        String hash = encoder.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            accounts.changePassword(account.id(), hash, true, clock.instant());
            accounts.unlock(account.id());
            audit.record(AuditRecord.success("PASSWORD_RESET", "user:" + account.username(),
                    "by=administrator mustChange=true"));
        });
    }
}
