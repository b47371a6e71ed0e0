package org.yilaoyixiao.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit trail")
@PreAuthorize("hasAuthority('" + org.yilaoyixiao.audit.AuditPermissions.READ + "')")
class AuditApiController {

    private final AuditReview review;

    AuditApiController(AuditReview review) {
        this.review = review;
    }

    @GetMapping
    @Operation(summary = "Audit records, newest first; 'to' is exclusive")
    PageResponse<AuditEventResponse> list(@RequestParam(required = false) String actor,
                                          @RequestParam(required = false) String type,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return review.search(new AuditEventFilter(actor, type, from, to), PageRequest.of(page, size))
                .map(AuditEventResponse::from);
    }

    @GetMapping("/verification")
    @Operation(summary = "Walk the hash chain and report whether it is intact")
    ChainVerification verify() {
        return review.verify();
    }

    record AuditEventResponse(long id, Instant at, String actor, String type, String target, String outcome,
                              String detail, String remoteAddress) {
        static AuditEventResponse from(AuditEventView v) {
            return new AuditEventResponse(v.id(), v.at(), v.actor(), v.type(), v.target(), v.outcome(), v.detail(),
                    v.remoteAddress());
        }
    }
}
