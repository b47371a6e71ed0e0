package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.identity.IdentityPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * What waits for an account administrator: accounts locked after failed logins (someone cannot work), and accounts
 * whose initial password nobody has used for a week (the person may never have received it) — each a link to the
 * account list filtered to them, in the administrator's scope.
 */
@Component
class AccountInbox implements WorkInbox {

    private final AccountAdministration administration;
    private final RoleAuthorities authorities;
    private final Clock clock;

    AccountInbox(AccountAdministration administration, RoleAuthorities authorities, Clock clock) {
        this.administration = administration;
        this.authorities = authorities;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        boolean manages = user.roles().stream()
                .anyMatch(role -> authorities.permissionsOf(role).contains(IdentityPermissions.MANAGE_USERS));
        if (!manages) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WorkItem> items = new ArrayList<>();
        items.add(WorkItem.of("users.inbox.locked",
                administration.count(user, AccountCriteria.Status.LOCKED, now),
                "/admin/users?status=" + AccountCriteria.Status.LOCKED, WorkItem.Urgency.DUE, 900));
        items.add(WorkItem.of("users.inbox.never-used",
                administration.count(user, AccountCriteria.Status.NEVER_USED, now),
                "/admin/users?status=" + AccountCriteria.Status.NEVER_USED, WorkItem.Urgency.NORMAL, 901));
        return items;
    }
}
