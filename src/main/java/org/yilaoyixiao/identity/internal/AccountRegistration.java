package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;

/**
 * Creates accounts. Every field is checked and all problems are reported together; an account may only be placed
 * inside the creator's own scope, at a division level that fits its roles.
 */
@Service
class AccountRegistration {

    private final UserAccountRepository accounts;
    private final DivisionDirectory divisions;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AccountRegistration(UserAccountRepository accounts, DivisionDirectory divisions, PasswordEncoder encoder,
                        AuditTrail audit, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.divisions = divisions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Not one transaction as a whole: a refusal is audited on its own, so that the record of the attempt survives
     * the refusal; the account and its audit record are then written together.
     */
    public UserAccount register(NewAccount request, CurrentUser creator) {
        String username = AccountAuthenticationProvider.normalise(request.username());
        List<FieldProblem> problems = new ArrayList<>();
        if (!username.matches("[a-z0-9][a-z0-9_.-]{2,49}")) {
            problems.add(new FieldProblem("username", "PATTERN", "user.username.pattern", null));
        }
        String displayName = request.displayName() == null ? "" : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            problems.add(new FieldProblem("displayName", "REQUIRED", "user.display-name.required", null));
        }
        for (String violation : PasswordPolicy.violations(request.password(), username)) {
            problems.add(new FieldProblem("password", "WEAK_PASSWORD", violation, null));
        }
        Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(request.roles());
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "REQUIRED", "user.roles.required", null));
        }
        Optional<Division> division = request.divisionCode() == null ? Optional.empty()
                : divisions.find(request.divisionCode().strip());
        if (division.isEmpty()) {
            problems.add(new FieldProblem("divisionCode", "UNKNOWN", "user.division.unknown", null));
        } else {
            for (Role role : roles) {
                if (!allowedLevels(role).contains(division.get().level())) {
                    // the role by its name in the reader's language, not its code
                    problems.add(new FieldProblem("divisionCode", "LEVEL_MISMATCH", "user.division.level",
                            new Object[]{new DefaultMessageSourceResolvable(new String[]{role.labelKey()},
                                    role.name())}));
                }
            }
        }
        Bureau bureau = roles.contains(Role.BUREAU_STAFF) ? request.bureau() : null;
        if (roles.contains(Role.BUREAU_STAFF) && bureau == null) {
            problems.add(new FieldProblem("bureau", "REQUIRED", "user.bureau.required", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        if (!divisions.isWithin(creator.divisionCode(), division.get().code())) {
            audit.record(AuditRecord.of("USER_CREATED", "user:" + username, AuditOutcome.DENIED,
                    "division=" + division.get().code() + " scope=" + creator.divisionCode()));
            throw ApiException.forbidden("user.division.out-of-scope", division.get().code());
        }
        if (accounts.exists(username)) {
            throw ApiException.conflict("user.username.taken", username);
        }
        String hash = encoder.encode(request.password());
        try {
            return transactions.execute(status -> {
                // the creator knows the initial password, so the user replaces it at first login
                accounts.insert(username, displayName, hash, true, division.get().code(), bureau, roles, clock.instant(),
                        creator.username());
                audit.record(AuditRecord.success("USER_CREATED", "user:" + username,
                        "roles=" + roles + " division=" + division.get().code() + (bureau == null ? "" : " bureau=" + bureau)));
                return accounts.findByUsername(username).orElseThrow();
            });
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("user.username.taken", username);
        }
    }

    /** Which division levels an account with the role may be scoped to. */
    static Set<DivisionLevel> allowedLevels(Role role) {
        return switch (role) {
            case COUNTY_ADMIN, BUREAU_STAFF, AUDITOR, LEADER -> EnumSet.of(DivisionLevel.COUNTY);
            case TOWNSHIP_STAFF -> EnumSet.of(DivisionLevel.TOWNSHIP);
            case BUTLER -> EnumSet.of(DivisionLevel.TOWNSHIP, DivisionLevel.VILLAGE);
            case INSTITUTION_OPERATOR -> EnumSet.allOf(DivisionLevel.class);
        };
    }
}
