package org.yilaoyixiao.facilities.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * Staff certificates in the user's scope that expire within 30 days (an expired certificate no longer counts a carer
 * as certified): for those who keep the registers — county and bureau staff who manage facilities, township clerks
 * and institution operators. The link opens the staff list filtered to them.
 */
@Component
class FacilitiesInbox implements WorkInbox {

    static final String EXPIRING = "facilities.inbox.expiring";

    private final Staff staff;

    FacilitiesInbox(Staff staff) {
        this.staff = staff;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        boolean keeper = FacilitiesPermissions.holds(user, FacilitiesPermissions.MANAGE)
                || user.hasRole(Role.TOWNSHIP_STAFF) || user.hasRole(Role.INSTITUTION_OPERATOR);
        if (!keeper || !FacilitiesPermissions.holds(user, FacilitiesPermissions.READ)) {
            return List.of();
        }
        long expiring = staff.countExpiring(FacilityPageController.EXPIRING_SOON_DAYS, user);
        return expiring == 0 ? List.of()
                : List.of(WorkItem.of(EXPIRING, expiring, "/facilities/staff?expiring=true", WorkItem.Urgency.DUE, 60));
    }
}
