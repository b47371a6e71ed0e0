package org.yilaoyixiao.placement.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.placement.PlacementPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * Placement work in the inbox of those who record admissions and discharges: elders registered as deceased (by a
 * clerk or the household-registration feed) whose bed in the user's scope is still open — the discharge to record,
 * which also frees the bed for the next elder.
 */
@Component
class PlacementInbox implements WorkInbox {

    static final String DECEASED = "placement.inbox.deceased";

    private final PlacementList list;
    private final DivisionDirectory divisions;

    PlacementInbox(PlacementList list, DivisionDirectory divisions) {
        this.list = list;
        this.divisions = divisions;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        if (!PlacementPermissions.holds(user, PlacementPermissions.MANAGE)) {
            return List.of();
        }
        long deceased = list.deceasedStillPlaced(divisions.subtreeCodes(user.divisionCode()));
        return deceased == 0 ? List.of()
                : List.of(WorkItem.of(DECEASED, deceased, "/placement?deceased=true", WorkItem.Urgency.DUE, 40));
    }
}
