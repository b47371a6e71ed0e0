package org.yilaoyixiao.subsidies.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.subsidies.SubsidyPermissions;

@RestController
@Tag(name = "One-time subsidies")
class GrantApiController {

    private final GrantApplications grants;
    private final GrantPaymentList paymentList;
    private final CurrentUsers currentUsers;
    private final ObjectMapper json;
    private final Clock clock;

    GrantApiController(GrantApplications grants, GrantPaymentList paymentList, CurrentUsers currentUsers,
                       ObjectMapper json, Clock clock) {
        this.grants = grants;
        this.paymentList = paymentList;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    record ApplyRequest(String programme, Long subjectId, LocalDate asOf) {
    }

    record DecisionRequest(String note) {
    }

    record GrantResponse(long id, String programme, String subjectType, long subjectId, String subjectName,
                         String divisionCode, String asOf, BigDecimal amount, String currency, String status,
                         String preparedBy, String decidedBy, String decisionNote, JsonNode quote) {
    }

    GrantResponse response(GrantApplications.Grant g) {
        return new GrantResponse(g.id(), g.programme(), g.subjectType(), g.subjectId(), g.subjectName(),
                g.divisionCode(), g.asOf().toString(), g.amount(), "CNY", g.status(), g.preparedBy(), g.decidedBy(),
                g.decisionNote(), json.readTree(g.quote()));
    }

    @PostMapping("/api/v1/subsidies/grants")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.PREPARE + "')")
    @Operation(summary = "Apply for a one-time subsidy (INSTITUTION_CONSTRUCTION or CHILDCARE_SLOT_CONSTRUCTION) for a "
            + "real institution or provider as of a date (default today): 201 PENDING with the quote it rests on; 409 "
            + "when not eligible (the reasons) or already applied for; 400 naming a fact the record lacks")
    ResponseEntity<GrantResponse> apply(@RequestBody ApplyRequest request) {
        GrantApplications.Grant grant = grants.apply(request.programme(), request.subjectId(), request.asOf(),
                currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/subsidies/grants/" + grant.id()))
                .body(response(grant));
    }

    @GetMapping("/api/v1/subsidies/grants")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "Applications in the caller's scope, newest first; status PENDING, APPROVED or REJECTED")
    List<GrantResponse> list(@RequestParam(required = false) String status) {
        return grants.list(status, currentUsers.require()).stream().map(this::response).toList();
    }

    @GetMapping("/api/v1/subsidies/grants/{id}")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    GrantResponse get(@PathVariable long id) {
        return response(grants.find(id, currentUsers.require())
                .orElseThrow(() -> ApiException.notFound("subsidies.grant.not-found", id)));
    }

    @PostMapping("/api/v1/subsidies/grants/{id}/approve")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    @Operation(summary = "Approve a pending application; the approver is never its preparer (403)")
    GrantResponse approve(@PathVariable long id) {
        return response(grants.approve(id, currentUsers.require()));
    }

    @PostMapping("/api/v1/subsidies/grants/{id}/reject")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.APPROVE + "')")
    @Operation(summary = "Reject a pending application with a note; the subject may then be applied for again")
    GrantResponse reject(@PathVariable long id, @RequestBody DecisionRequest request) {
        return response(grants.reject(id, request.note(), currentUsers.require()));
    }

    @GetMapping("/api/v1/subsidies/grants/payment-list.csv")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The one-time subsidies approved in a year (default this year) as CSV (UTF-8 with BOM)")
    void csv(@RequestParam(required = false) Integer year, HttpServletResponse response, Locale locale)
            throws IOException {
        int y = year == null ? BusinessTime.today(clock).getYear() : year;
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + paymentList.fileName(y, "csv") + "\"");
        paymentList.csv(y, currentUsers.require(), locale, BusinessTime.ZONE, response.getOutputStream());
    }

    @GetMapping("/api/v1/subsidies/grants/payment-list.xlsx")
    @PreAuthorize("hasAuthority('" + SubsidyPermissions.READ + "')")
    @Operation(summary = "The one-time subsidies approved in a year (default this year) as xlsx")
    void xlsx(@RequestParam(required = false) Integer year, HttpServletResponse response, Locale locale)
            throws IOException {
        int y = year == null ? BusinessTime.today(clock).getYear() : year;
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + paymentList.fileName(y, "xlsx") + "\"");
        paymentList.xlsx(y, currentUsers.require(), locale, BusinessTime.ZONE, response.getOutputStream());
    }
}
