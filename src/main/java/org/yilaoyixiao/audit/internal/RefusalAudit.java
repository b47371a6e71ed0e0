package org.yilaoyixiao.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.web.RecordRefused;

/**
 * Records every refused page or API request of a logged-in user — a record missing or outside their scope (404), an
 * action they may not take (403) — so that someone trying numbers outside their township shows in the trail.
 */
@Component
class RefusalAudit {

    private final AuditTrail audit;

    RefusalAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(RecordRefused refused) {
        audit.record(AuditRecord.of("ACCESS_REFUSED", refused.path(), AuditOutcome.DENIED,
                "method=" + refused.method() + " status=" + refused.status()).by(refused.username()));
    }
}
