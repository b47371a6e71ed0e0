package org.yilaoyixiao.services.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;
import org.yilaoyixiao.workspace.WorkTask;

/**
 * Service orders in the inbox. A butler: orders dispatched to them to accept, and orders accepted (or sent back for
 * rework) to carry out, each with the elder's name, village, address and a number to tap. A township or county clerk
 * who dispatches: the new orders of their scope waiting for someone to be sent.
 */
@Component
class ServicesInbox implements WorkInbox {

    static final int TASKS_SHOWN = 5;
    static final Set<OrderStatus> TO_ACCEPT = EnumSet.of(OrderStatus.DISPATCHED);
    static final Set<OrderStatus> TO_DO = EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.IN_SERVICE,
            OrderStatus.REWORK);

    private final OrderRepository orders;
    private final OrderCards cards;
    private final DivisionDirectory divisions;

    ServicesInbox(OrderRepository orders, OrderCards cards, DivisionDirectory divisions) {
        this.orders = orders;
        this.cards = cards;
        this.divisions = divisions;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        if (user.hasRole(Role.BUTLER)) {
            long toAccept = orders.countForButler(user.username(), TO_ACCEPT);
            if (toAccept > 0) {
                items.add(WorkItem.of("services.inbox.to-accept", toAccept, "/services/tasks",
                        WorkItem.Urgency.DUE, 20).withTasks(tasks(orders.firstForButler(user.username(), TO_ACCEPT,
                        TASKS_SHOWN))));
            }
            long toDo = orders.countForButler(user.username(), TO_DO);
            if (toDo > 0) {
                items.add(WorkItem.of("services.inbox.to-do", toDo, "/services/tasks", WorkItem.Urgency.NORMAL, 21)
                        .withTasks(tasks(orders.firstForButler(user.username(), TO_DO, TASKS_SHOWN))));
            }
        }
        if (user.hasRole(Role.TOWNSHIP_STAFF) || user.hasRole(Role.COUNTY_ADMIN)) {
            long waiting = orders.count(divisions.subtreeCodes(user.divisionCode()), EnumSet.of(OrderStatus.NEW));
            if (waiting > 0) {
                items.add(WorkItem.of("services.inbox.to-dispatch", waiting, "/services/orders?status=NEW",
                        WorkItem.Urgency.DUE, 22));
            }
        }
        return items;
    }

    private List<WorkTask> tasks(List<OrderRecord> found) {
        Locale locale = LocaleContextHolder.getLocale();
        return cards.of(found).stream().map(c -> WorkTask.calling(c.personName(), cards.detail(c, locale),
                "/services/tasks#task-" + c.order().id(), false, c.phone(), c.familyPhone())).toList();
    }
}
