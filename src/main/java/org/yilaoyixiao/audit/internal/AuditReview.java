package org.yilaoyixiao.audit.internal;

import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/** What auditors do with the trail — search it and check the chain — each itself recorded in the trail. */
@Service
class AuditReview {

    static final String AUDIT_TRAIL_READ = "AUDIT_TRAIL_READ";
    static final String AUDIT_CHAIN_VERIFIED = "AUDIT_CHAIN_VERIFIED";

    private final AuditEventQueries queries;
    private final AuditTrail trail;

    AuditReview(AuditEventQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    PageResponse<AuditEventView> search(AuditEventFilter filter, PageRequest page) {
        PageResponse<AuditEventView> result = queries.find(filter, page);
        trail.record(AuditRecord.of(AUDIT_TRAIL_READ, "audit-events", AuditOutcome.SUCCESS,
                "actor=" + filter.actor() + " type=" + filter.type() + " from=" + filter.from() + " to=" + filter.to()
                        + " page=" + page.page()));
        return result;
    }

    ChainVerification verify() {
        ChainVerification result = queries.verify();
        trail.record(AuditRecord.of(AUDIT_CHAIN_VERIFIED, "audit-events",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                result.intact() ? "checked=" + result.checked() + " head=" + result.headHash()
                        : "broken at id " + result.firstBrokenId() + " (" + result.reason() + ")"));
        return result;
    }
}
