package org.yilaoyixiao.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * Data exchange in the inbox: the feed records that matched nobody and wait for a clerk to name the person (county
 * administrators and bureau staff, who may resolve them), and for administrators the province deliveries that failed
 * after every retry.
 */
@Component
class ExchangeInbox implements WorkInbox {

    private final FeedRepository feeds;
    private final ProvinceOutbox outbox;

    ExchangeInbox(FeedRepository feeds, ProvinceOutbox outbox) {
        this.feeds = feeds;
        this.outbox = outbox;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        boolean admin = user.hasRole(Role.COUNTY_ADMIN);
        if (admin || user.hasRole(Role.BUREAU_STAFF)) {
            items.add(WorkItem.of("exchange.inbox.review", feeds.queuedCount(), "/exchange/review",
                    WorkItem.Urgency.NORMAL, 50));
        }
        if (admin) {
            items.add(WorkItem.of("exchange.inbox.failed", outbox.failedCount(), "/exchange/deliveries?status=FAILED",
                    WorkItem.Urgency.URGENT, 51));
        }
        return items;
    }
}
