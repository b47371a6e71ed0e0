package org.yilaoyixiao.audit.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.audit.AuditCounts;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/**
 * What auditors do with the trail — search it, take a filtered part of it to Excel and check the chain — each
 * itself recorded in the trail.
 */
@Service
class AuditReview {

    static final String AUDIT_TRAIL_READ = "AUDIT_TRAIL_READ";
    static final String AUDIT_CHAIN_VERIFIED = "AUDIT_CHAIN_VERIFIED";
    static final String LIST_EXPORTED = AuditCounts.LIST_EXPORTED;
    /** The most rows one export carries; a longer part of the trail is narrowed by its filters first. */
    static final int EXPORT_LIMIT = 100_000;

    private final AuditEventQueries queries;
    private final AuditTrail trail;

    AuditReview(AuditEventQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    PageResponse<AuditEventView> search(AuditEventFilter filter, PageRequest page) {
        PageResponse<AuditEventView> result = queries.find(filter, page);
        String filters = filter.describe();
        trail.record(AuditRecord.of(AUDIT_TRAIL_READ, "audit-events", AuditOutcome.SUCCESS,
                (filters.isEmpty() ? "" : filters + " ") + "page=" + page.page() + " results=" + result.totalElements()));
        return result;
    }

    /**
     * Hands every matching record to {@code rows}, newest first, and records the export. More than
     * {@value #EXPORT_LIMIT} rows are refused before anything is read.
     */
    long export(AuditEventFilter filter, Consumer<AuditEventView> rows) {
        long total = queries.count(filter);
        if (total > EXPORT_LIMIT) {
            throw ApiException.validation("from", "TOO_MANY", "audit.export.too-many", total, EXPORT_LIMIT);
        }
        String filters = filter.describe();
        trail.record(AuditRecord.success(LIST_EXPORTED, "list:audit-events",
                (filters.isEmpty() ? "" : filters + " ") + "rows=" + total));
        queries.each(filter, EXPORT_LIMIT, rows);
        return total;
    }

    ChainVerification verify() {
        ChainVerification result = queries.verify();
        trail.record(AuditRecord.of(AUDIT_CHAIN_VERIFIED, "audit-events",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                result.intact() ? "checked=" + result.checked() + " head=" + result.headHash()
                        : "checked=" + result.checked() + " broken=" + result.firstBrokenId()
                        + " reason=" + result.reason()));
        return result;
    }
}
