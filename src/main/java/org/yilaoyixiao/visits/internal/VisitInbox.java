package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;
import org.yilaoyixiao.workspace.WorkTask;

/**
 * Visits in the inbox. A visitor (butler, or a clerk who visits): their own overdue visits and those due today, each
 * with the first few elders — name, village, address, a number to tap and the family contact — overdue first. A
 * township or county clerk who plans visits: the open visits of their scope past due, to reassign or chase.
 */
@Component
class VisitInbox implements WorkInbox {

    static final int TASKS_SHOWN = 5;

    private final TaskRepository tasks;
    private final TaskCards cards;
    private final Scope scope;
    private final Clock clock;

    VisitInbox(TaskRepository tasks, TaskCards cards, Scope scope, Clock clock) {
        this.tasks = tasks;
        this.cards = cards;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        Instant now = clock.instant();
        Instant endOfToday = Months.endOfDay(BusinessTime.today(clock));
        if (visits(user)) {
            long overdue = tasks.countOpenFor(user.username(), null, now);
            long today = tasks.countOpenFor(user.username(), now, endOfToday);
            if (overdue > 0) {
                items.add(WorkItem.of("visits.inbox.mine.overdue", overdue, "/visits", WorkItem.Urgency.URGENT, 10)
                        .withTasks(tasks(tasks.firstOpenFor(user.username(), null, now, TASKS_SHOWN))));
            }
            if (today > 0) {
                items.add(WorkItem.of("visits.inbox.mine.today", today, "/visits", WorkItem.Urgency.DUE, 11)
                        .withTasks(tasks(tasks.firstOpenFor(user.username(), now, endOfToday, TASKS_SHOWN))));
            }
        }
        if (plans(user)) {
            long overdue = tasks.countOverdue(scope.subtree(user.divisionCode()), now, null);
            if (overdue > 0) {
                items.add(WorkItem.of("visits.inbox.overdue", overdue, "/visits/overdue", WorkItem.Urgency.URGENT,
                        12));
            }
        }
        return items;
    }

    /** Roles that are given visits of their own (the roles granted recording, field staff first). */
    private static boolean visits(CurrentUser user) {
        return user.hasRole(Role.BUTLER) || user.hasRole(Role.TOWNSHIP_STAFF);
    }

    /** Roles that plan and chase the visits of their scope. */
    private static boolean plans(CurrentUser user) {
        return user.hasRole(Role.TOWNSHIP_STAFF) || user.hasRole(Role.BUREAU_STAFF)
                || user.hasRole(Role.COUNTY_ADMIN);
    }

    private List<WorkTask> tasks(List<Task> due) {
        Locale locale = LocaleContextHolder.getLocale();
        return cards.of(due).stream().map(c -> WorkTask.calling(c.personName(), cards.detail(c, locale),
                "/visits/tasks/" + c.task().id() + "/record", c.overdue(), c.phone(), c.familyPhone())).toList();
    }
}
