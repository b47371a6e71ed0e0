package org.yilaoyixiao.services.internal;

import org.springframework.stereotype.Component;
import org.yilaoyixiao.services.ServiceNeed;
import org.yilaoyixiao.services.ServiceNeeds;

/** Needs raised by other modules become orders like any other, idempotent per the caller's key. */
@Component
class JdbcServiceNeeds implements ServiceNeeds {

    private final Orders orders;

    JdbcServiceNeeds(Orders orders) {
        this.orders = orders;
    }

    @Override
    public long raise(ServiceNeed need) {
        String raisedBy = need.raisedBy() == null || need.raisedBy().isBlank() ? "system" : need.raisedBy();
        return orders.place(new Orders.NewOrder(need.personId(), null, need.itemCode(), need.requestedFor(),
                need.channel(), 1, need.idempotencyKey(), need.note()), null, raisedBy).order().id();
    }
}
