package org.yilaoyixiao.identity.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Lists, unlocks, disables and enables accounts, always within the acting administrator's scope. */
@Service
class AccountAdministration {

    private final UserAccountRepository accounts;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;

    AccountAdministration(UserAccountRepository accounts, DivisionDirectory divisions, AuditTrail audit) {
        this.accounts = accounts;
        this.divisions = divisions;
        this.audit = audit;
    }

    PageResponse<UserAccount> list(CurrentUser actor, PageRequest page) {
        return list(actor, null, page);
    }

    PageResponse<UserAccount> list(CurrentUser actor, String text, PageRequest page) {
        return accounts.findInDivisions(divisions.subtreeCodes(actor.divisionCode()), text, page);
    }

    /**
     * The accounts of the actor's scope matching the criteria; a division filter narrows to that division and below
     * it, and is refused (400) when it names no division of the actor's scope.
     */
    PageResponse<UserAccount> list(CurrentUser actor, AccountCriteria criteria, java.time.Instant now,
                                   PageRequest page) {
        java.util.Set<String> scope = divisions.subtreeCodes(actor.divisionCode());
        if (criteria.divisionCode() != null) {
            if (!scope.contains(criteria.divisionCode())) {
                throw ApiException.validation("division", "UNKNOWN", "user.division.unknown");
            }
            scope = divisions.subtreeCodes(criteria.divisionCode());
        }
        return accounts.find(scope, criteria, now, page);
    }

    /** How many accounts of the actor's scope are in a state. */
    long count(CurrentUser actor, AccountCriteria.Status status, java.time.Instant now) {
        return accounts.count(divisions.subtreeCodes(actor.divisionCode()), status, now);
    }

    UserAccount get(CurrentUser actor, String username) {
        UserAccount account = accounts.findByUsername(AccountAuthenticationProvider.normalise(username))
                .orElseThrow(() -> ApiException.notFound("user.not-found", username));
        if (!divisions.isWithin(actor.divisionCode(), account.divisionCode())) {
            // outside the scope the account does not exist, as far as this actor can tell
            throw ApiException.notFound("user.not-found", username);
        }
        return account;
    }

    @Transactional
    public void unlock(CurrentUser actor, String username) {
        UserAccount account = get(actor, username);
        accounts.unlock(account.id());
        audit.record(AuditRecord.success("USER_UNLOCKED", "user:" + account.username(), null));
    }

    @Transactional
    public void setEnabled(CurrentUser actor, String username, boolean enabled) {
        UserAccount account = get(actor, username);
        if (account.id() == actor.id() && !enabled) {
            throw ApiException.conflict("user.disable-self");
        }
        accounts.setEnabled(account.id(), enabled);
        audit.record(AuditRecord.success(enabled ? "USER_ENABLED" : "USER_DISABLED", "user:" + account.username(), null));
    }
}
