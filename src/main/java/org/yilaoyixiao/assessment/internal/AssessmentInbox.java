package org.yilaoyixiao.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/** Reassessments due in the user's scope, for those who record assessments; the link opens the due list. */
@Component
class AssessmentInbox implements WorkInbox {

    static final String DUE = "assessment.inbox.due";

    private final ReassessmentSchedule schedule;

    AssessmentInbox(ReassessmentSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        if (!AssessmentPermissions.holds(user, AssessmentPermissions.MANAGE)) {
            return List.of();
        }
        long due = schedule.count(user);
        return due == 0 ? List.of() : List.of(WorkItem.of(DUE, due, "/assessment/due", WorkItem.Urgency.DUE, 50));
    }
}
