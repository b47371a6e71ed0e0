package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditCounts;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * What an auditor looks at first, over the last seven days: refused requests (records missing or outside someone's
 * scope, actions they may not take — someone trying numbers shows here) and lists taken to Excel, each a link to the
 * trail filtered to them. Contributed here rather than by the audit module, which every module (the workspace's
 * division tree among them) depends on.
 */
@Component
class AuditorInbox implements WorkInbox {

    static final int DAYS = 7;

    private final AuditCounts counts;
    private final Clock clock;

    AuditorInbox(AuditCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        if (!user.hasRole(Role.AUDITOR)) {
            return List.of();
        }
        LocalDate from = BusinessTime.today(clock).minusDays(DAYS - 1L);
        var since = from.atStartOfDay(BusinessTime.ZONE).toInstant();
        return List.of(
                WorkItem.of("audit.inbox.refused", counts.refusedSince(since), "/audit?outcome=DENIED&from=" + from,
                        WorkItem.Urgency.DUE, 950),
                WorkItem.of("audit.inbox.exported", counts.listsExportedSince(since),
                        "/audit?type=" + AuditCounts.LIST_EXPORTED + "&from=" + from, WorkItem.Urgency.NORMAL, 951));
    }
}
