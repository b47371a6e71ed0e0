package org.yilaoyixiao.services.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.Notifications;

/**
 * Tells a butler an order was dispatched to them: an in-app message (消息, in the reader's language, opening the task)
 * and, where the team roster has their mobile number, an SMS through the notifications outbox. Recorded in the
 * dispatch's transaction, keyed by the order and the version the dispatch changed, so each dispatch sends exactly one
 * of each — a replay or a refused dispatch sends nothing, a re-dispatch to someone else sends again. The SMS carries no
 * name: the elder is named only inside the app, behind the butler's login.
 */
@Component
class DispatchNotices {

    private final Notifications notifications;
    private final ServicesScope scope;
    private final MenuRepository menu;

    DispatchNotices(Notifications notifications, ServicesScope scope, MenuRepository menu) {
        this.notifications = notifications;
        this.scope = scope;
        this.menu = menu;
    }

    void dispatched(OrderRecord order, TeamRepository.Member butler) {
        String key = "services-dispatch:" + order.id() + ":" + order.version();
        String item = menu.item(order.itemId()).map(ServiceItem::name).orElse(order.itemCode());
        String village = scope.divisionName(order.divisionCode());
        String when = OrderCards.WHEN.format(order.requestedFor());
        String reference = "service-order:" + order.id();
        String link = "/services/tasks#task-" + order.id();
        notifications.send(new Notification(Notification.Channel.IN_APP, Notification.user(butler.username()),
                "新工单", item + " " + when + " " + village, reference, key + ":in-app")
                .withText("services.notice.dispatch.subject", "services.notice.dispatch.body",
                        List.of(scope.personName(order.personId()), item, when, village, Long.toString(order.id())))
                .withLink(link));
        if (butler.phone() != null) {
            notifications.send(new Notification(Notification.Channel.SMS, butler.phone(), "养老管家新工单",
                    "工单" + order.id() + "：" + item + "，" + when + "，" + village + "。请登录系统查看“今日任务”并接单。",
                    reference, key + ":sms"));
        }
    }
}
