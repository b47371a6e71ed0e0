package org.yilaoyixiao.outreach.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.outreach.OutreachPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Outreach (政策找人)")
class OutreachApiController {

    private final Outreach outreach;
    private final ScanRuns scan;
    private final OutreachTraces traces;
    private final CurrentUsers currentUsers;

    OutreachApiController(Outreach outreach, ScanRuns scan, OutreachTraces traces, CurrentUsers currentUsers) {
        this.outreach = outreach;
        this.scan = scan;
        this.traces = traces;
        this.currentUsers = currentUsers;
    }

    /** A case with its reasons and trace as codes and facts, and {@code explanation}: the trace in the caller's words. */
    record CaseResponse(long id, long personId, String name, String idNumberMasked, String programme,
                        String divisionCode, List<String> reasons, Map<String, Object> trace, String explanation,
                        String status, int notices, String outcomeNote) {
    }

    private CaseResponse response(Candidates.Candidate c) {
        return new CaseResponse(c.id(), c.personId(), c.name(), c.idNumberMasked(), c.programme(),
                c.divisionCode(), c.reasons(), c.trace(), traces.explain(c,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()), c.status(), c.notices(),
                c.outcomeNote());
    }

    record NoticeRequest(String channel) {
    }

    record OutcomeRequest(String outcome, String note) {
    }

    @GetMapping("/api/v1/outreach")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.READ + "')")
    @Operation(summary = "People found meeting a programme's rules but not enrolled (programme ELDERLY_SERVICE_SUBSIDY | "
            + "LOVE_CARD | CHILDCARE_ALLOWANCE | VISITS; division: a subtree within the caller's scope; status OPEN | "
            + "NOTIFIED | APPLIED | DECLINED | NOT_REACHABLE), paged, each with reasons and the rule trace")
    PageResponse<CaseResponse> worklist(@RequestParam(required = false) String programme,
                                        @RequestParam(required = false) String division,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return outreach.worklist(blank(programme), blank(division), blank(status), PageRequest.of(page, size),
                currentUsers.require()).map(this::response);
    }

    @PostMapping("/api/v1/outreach/scan")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.SCAN + "')")
    @Operation(summary = "Run the scan now (it also runs every night); returns how many cases are current; 409 while"
            + " another scan runs")
    Map<String, Integer> scan() {
        return Map.of("found", scan.scanHere(currentUsers.require()));
    }

    @PostMapping("/api/v1/outreach/{id}/notices")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.ACT + "')")
    @Operation(summary = "Record a notice: SMS (sent to the family's emergency contact through the notifications "
            + "outbox; 409 without a phone) or LETTER (printed from /outreach/{id}/letter)")
    ResponseEntity<CaseResponse> notice(@PathVariable long id, @RequestBody NoticeRequest request, Locale locale) {
        return ResponseEntity.status(201).body(response(outreach.notice(id, request.channel(),
                currentUsers.require(), locale)));
    }

    @PostMapping("/api/v1/outreach/{id}/outcome")
    @PreAuthorize("hasAuthority('" + OutreachPermissions.ACT + "')")
    @Operation(summary = "Record the outcome: APPLIED, DECLINED or NOT_REACHABLE, with a note")
    CaseResponse outcome(@PathVariable long id, @RequestBody OutcomeRequest request) {
        return response(outreach.outcome(id, request.outcome(), request.note(), currentUsers.require()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
