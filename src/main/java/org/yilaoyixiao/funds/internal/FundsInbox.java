package org.yilaoyixiao.funds.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * Fund supervision in the inbox of those who handle it (county administrators and the 民政局's staff): the open
 * alerts of the institutions in their scope, urgent, linking to the alert list filtered to them.
 */
@Component
class FundsInbox implements WorkInbox {

    private final CustodyAccounts accounts;

    FundsInbox(CustodyAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        boolean handles = user.hasRole(Role.COUNTY_ADMIN)
                || user.hasRole(Role.BUREAU_STAFF) && user.bureau() == Bureau.CIVIL_AFFAIRS;
        if (!handles) {
            return List.of();
        }
        return List.of(WorkItem.of("funds.inbox.alerts", accounts.openAlerts(user), "/funds/alerts?status=OPEN",
                WorkItem.Urgency.URGENT, 45));
    }
}
