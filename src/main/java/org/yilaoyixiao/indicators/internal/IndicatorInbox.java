package org.yilaoyixiao.indicators.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * A bureau clerk's indicators to report: those their bureau answers for that have no value for the county this year
 * yet, linked to the input page of that year, where they are listed first.
 */
@Component
class IndicatorInbox implements WorkInbox {

    private final PendingReports pending;
    private final IndicatorBoard board;

    IndicatorInbox(PendingReports pending, IndicatorBoard board) {
        this.pending = pending;
        this.board = board;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        if (!user.hasRole(Role.BUREAU_STAFF) || user.bureau() == null) {
            return List.of();
        }
        int year = board.currentYear();
        long count = pending.pending(user.bureau(), user.divisionCode(), year).size();
        return List.of(WorkItem.of("indicators.inbox.to-report", count,
                InputsController.PATH + "?division=" + user.divisionCode() + "&year=" + year + "#pending",
                WorkItem.Urgency.NORMAL, 700));
    }
}
