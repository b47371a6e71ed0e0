package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;

/** The random spot-check sample: a draw among delivered orders not drawn before. */
@Component
class Supervision {

    static final int MAX_SAMPLE = 100;

    private final OrderRepository orders;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    Supervision(OrderRepository orders, AuditTrail audit, TransactionTemplate transactions) {
        this.orders = orders;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Draws up to {@code size} delivered orders for a spot check; the ids drawn. */
    List<Long> draw(Set<String> divisions, int size, String scopeLabel) {
        int n = Math.max(1, Math.min(size, MAX_SAMPLE));
        return transactions.execute(status -> {
            List<Long> drawn = orders.unsampledDelivered(divisions, n);
            orders.markSampled(drawn);
            audit.record(AuditRecord.success("SERVICE_SPOT_CHECK_DRAWN", "division:" + scopeLabel,
                    "drawn=" + drawn.size() + " ids=" + drawn));
            return drawn;
        });
    }

    List<OrderRecord> sample(Set<String> divisions) {
        return orders.sampled(divisions);
    }
}
