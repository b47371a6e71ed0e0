package org.yilaoyixiao.outreach.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * 政策找人 in the inbox: the cases of one's scope still waiting for a notice (待通知). A township clerk sees those of
 * the township, all programmes; a county administrator those of the county; a bureau clerk those of the programmes
 * of the bureau (民政局: the elderly service subsidy, the love card and visits; 卫健局: the childcare allowance), one
 * item per programme so that each links to its own filtered worklist.
 */
@Component
class OutreachInbox implements WorkInbox {

    private final Candidates candidates;
    private final DivisionDirectory divisions;

    OutreachInbox(Candidates candidates, DivisionDirectory divisions) {
        this.candidates = candidates;
        this.divisions = divisions;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        boolean all = user.hasRole(Role.COUNTY_ADMIN) || user.hasRole(Role.TOWNSHIP_STAFF);
        if (!all && !user.hasRole(Role.BUREAU_STAFF)) {
            return items;
        }
        Set<String> scope = divisions.subtreeCodes(user.divisionCode());
        if (all) {
            items.add(WorkItem.of("outreach.inbox.open", candidates.waiting(scope, OutreachScan.PROGRAMMES),
                    "/outreach?status=OPEN", WorkItem.Urgency.NORMAL, 60));
            return items;
        }
        int order = 60;
        for (String programme : programmesOf(user.bureau())) {
            items.add(WorkItem.of("outreach.inbox.open." + programme, candidates.waiting(scope, List.of(programme)),
                    "/outreach?programme=" + programme + "&status=OPEN", WorkItem.Urgency.NORMAL, order++));
        }
        return items;
    }

    /** The programmes a bureau answers for. */
    static List<String> programmesOf(Bureau bureau) {
        if (bureau == null) {
            return OutreachScan.PROGRAMMES;
        }
        return switch (bureau) {
            case CIVIL_AFFAIRS -> List.of("ELDERLY_SERVICE_SUBSIDY", "LOVE_CARD", "VISITS");
            case HEALTH -> List.of("CHILDCARE_ALLOWANCE");
            case ORGANIZATION_DEPARTMENT -> List.of("LOVE_CARD");
            default -> List.of();
        };
    }
}
