package org.yilaoyixiao.subsidies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.subsidies.Programme;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * Subsidies in the inbox of those who approve them (county administrators and bureau staff of the whole county, for
 * the programmes of their bureau): computed monthly runs and one-time grant applications waiting for a decision —
 * never one they prepared themselves, which someone else must approve. Each links to the list filtered to that work.
 */
@Component
class SubsidyInbox implements WorkInbox {

    private final SubsidyRuns runs;
    private final GrantApplications grants;
    private final String countyCode;

    SubsidyInbox(SubsidyRuns runs, GrantApplications grants, @Value("${yly.county-code}") String countyCode) {
        this.runs = runs;
        this.grants = grants;
        this.countyCode = countyCode;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        if (!user.hasRole(Role.COUNTY_ADMIN) && !user.hasRole(Role.BUREAU_STAFF)) {
            return items;
        }
        Set<Programme> programmes = BureauProgrammes.of(user);
        if (countyCode.equals(user.divisionCode())) {
            // a monthly run covers the county: only county-wide staff approve it
            long drafts = runs.awaitingApproval(user.username(), programmes);
            items.add(WorkItem.of("subsidies.inbox.runs", drafts, "/subsidies/runs?status=DRAFT&waiting=true",
                    WorkItem.Urgency.DUE, 40));
        }
        long pending = grants.awaitingDecision(user, programmes);
        items.add(WorkItem.of("subsidies.inbox.grants", pending, "/subsidies/grants?status=PENDING&waiting=true",
                WorkItem.Urgency.DUE, 41));
        return items;
    }
}
