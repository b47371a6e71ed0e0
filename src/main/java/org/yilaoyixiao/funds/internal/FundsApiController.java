package org.yilaoyixiao.funds.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.funds.FundsPermissions;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.funds.internal.FundsRepository.Alert;
import org.yilaoyixiao.funds.internal.FundsRepository.Hold;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUsers;

@RestController
@Tag(name = "Fund supervision (资金监管)")
class FundsApiController {

    private final CustodyAccounts accounts;
    private final StatementFiles files;
    private final CurrentUsers currentUsers;

    FundsApiController(CustodyAccounts accounts, StatementFiles files, CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.files = files;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/api/v1/custody-accounts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    @Operation(summary = "Open an institution's custody account (one per institution; 409 if it has one). The account "
            + "number is stored encrypted and shown masked; minimumRatio defaults to yly.funds.default-minimum-ratio; "
            + "designatedAccounts are the counterparties normal outflows may go to")
    ResponseEntity<AccountResponse> open(@RequestBody OpenRequest request) {
        List<String[]> designated = request.designatedAccounts() == null ? List.of()
                : request.designatedAccounts().stream().map(d -> new String[]{d.accountNumber(), d.label()}).toList();
        Account account = accounts.open(request.institutionId(), request.bank(), request.accountNumber(),
                request.minimumRatio(), designated, currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/custody-accounts/" + account.id())).body(response(account));
    }

    @GetMapping("/api/v1/custody-accounts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    @Operation(summary = "The custody accounts of the institutions in the caller's scope, with their risk status")
    List<AccountResponse> list() {
        return accounts.accounts(currentUsers.require()).stream().map(FundsApiController::response).toList();
    }

    @GetMapping("/api/v1/custody-accounts/{id}")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    @Operation(summary = "A custody account: balance, required minimum (ratio × obligations) and status "
            + "NORMAL | BELOW_MINIMUM | ON_HOLD; the account number masked; read audited")
    AccountResponse get(@PathVariable long id) {
        Account account = accounts.visible(id, currentUsers.require());
        accounts.auditDetailRead(account);
        return response(account);
    }

    @PostMapping("/api/v1/custody-accounts/{id}/reveal-account-number")
    @PreAuthorize("hasAuthority('" + FundsPermissions.REVEAL + "')")
    @Operation(summary = "The full account number; every reveal is audited")
    Map<String, String> reveal(@PathVariable long id) {
        return Map.of("accountNumber", accounts.revealAccountNumber(id, currentUsers.require()));
    }

    @PostMapping("/api/v1/custody-accounts/{id}/designated-accounts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    @Operation(summary = "Add a counterparty account that normal outflows may go to (409 if already designated)")
    ResponseEntity<Void> designate(@PathVariable long id, @RequestBody DesignatedRequest request) {
        accounts.addDesignated(id, request.accountNumber(), request.label(), currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/api/v1/custody-accounts/{id}/obligations")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    @Operation(summary = "Register a prepaid obligation (DEPOSIT | MEMBERSHIP | PREPAID_FEE) of one elder with its "
            + "refund schedule [{due, amount}]; raises the required minimum, and the minimum rule runs at once")
    ResponseEntity<Map<String, Object>> obligation(@PathVariable long id, @RequestBody ObligationRequest request) {
        var actor = currentUsers.require();
        long obligationId = accounts.addObligation(id, request.personId(), request.kind(), request.amount(),
                request.refundSchedule(), actor);
        Account account = accounts.visible(id, actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", obligationId,
                "requiredMinimum", account.requiredMinimum(), "status", account.status().name()));
    }

    @PostMapping("/api/v1/custody-accounts/{id}/transactions")
    @PreAuthorize("hasAuthority('" + FundsPermissions.FEED + "')")
    @Operation(summary = "The bank pushes movements. 202 {accepted, duplicates}: a bankRef the account already has is "
            + "a duplicate and changes nothing. The rules run on every new movement in event-time order. All or "
            + "nothing: any invalid movement → 400 naming [index].field and nothing is stored")
    ResponseEntity<IngestResponse> push(@PathVariable long id, @RequestBody List<TransactionRequest> request) {
        var actor = currentUsers.require();
        List<MovementInput> movements = new ArrayList<>();
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            TransactionRequest t = request.get(i);
            MovementParser.Result result = MovementParser.parse(new MovementParser.Raw(t.bankRef(), t.at(),
                    t.amount() == null ? null : t.amount().toPlainString(), t.direction(), t.counterpartyAccount(),
                    t.purpose()));
            for (MovementParser.Problem p : result.problems()) {
                problems.add(new ApiException.FieldProblem("[" + i + "]." + p.field(), p.code(), p.messageKey(), null));
            }
            if (result.movement() != null) {
                movements.add(result.movement());
            }
        }
        if (!problems.isEmpty()) {
            accounts.visible(id, actor);
            throw ApiException.validation(problems);
        }
        CustodyAccounts.Ingested ingested = accounts.ingest(id, movements, "API", actor);
        return ResponseEntity.accepted().body(new IngestResponse(ingested.accepted(), ingested.duplicates(),
                ingested.alerts()));
    }

    @PostMapping(value = "/api/v1/custody-accounts/{id}/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + FundsPermissions.FEED + "')")
    @Operation(summary = "Import a bank statement (CSV or xlsx, layout in docs/operations/funds-bank-statements.md). "
            + "All or nothing: a bad cell → 400 naming its row and column; the same statement twice changes nothing")
    ResponseEntity<IngestResponse> statement(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        var actor = currentUsers.require();
        accounts.visible(id, actor);
        CustodyAccounts.Ingested ingested = accounts.importStatement(id, file.getOriginalFilename(),
                files.read(file.getOriginalFilename(), file.getInputStream()), actor);
        return ResponseEntity.accepted().body(new IngestResponse(ingested.accepted(), ingested.duplicates(),
                ingested.alerts()));
    }

    @PostMapping("/api/v1/custody-accounts/{id}/hold")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    @Operation(summary = "An official puts the account on hold (only refunds allowed) with a reason; 409 if on hold")
    ResponseEntity<HoldResponse> hold(@PathVariable long id, @RequestBody ReasonRequest request) {
        Hold hold = accounts.placeHold(id, request.reason(), currentUsers.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(hold(hold));
    }

    @PostMapping("/api/v1/custody-accounts/{id}/release")
    @PreAuthorize("hasAuthority('" + FundsPermissions.RELEASE + "')")
    @Operation(summary = "Release the account's hold with a reason. Maker-checker: 403 if the caller placed the hold; "
            + "a hold placed by the rules may be released by any official with the permission (decision 0028). "
            + "409 if the account is not on hold. The hold's alerts are resolved with the reason. The body must carry "
            + "the confirmation of GET …/release-preview: 400 without it, 409 if the account changed since")
    HoldResponse release(@PathVariable long id, @RequestBody ReleaseRequest request) {
        return hold(accounts.release(id, request.reason(), request.confirmation(), currentUsers.require()));
    }

    record ReleaseRequest(String reason, String confirmation) {
    }

    record ObligationLine(long id, long personId, String kind, BigDecimal amount) {
    }

    record ReleasePreviewResponse(long accountId, long holdId, boolean automatic, BigDecimal balance,
                                  BigDecimal requiredMinimum, BigDecimal payableBefore, BigDecimal payableAfter,
                                  List<ObligationLine> obligations, BigDecimal obligationsTotal, int alertsResolved,
                                  String confirmation) {
    }

    @GetMapping("/api/v1/custody-accounts/{id}/release-preview")
    @PreAuthorize("hasAuthority('" + FundsPermissions.RELEASE + "')")
    @Operation(summary = "What releasing the hold would do (balance, what may be paid before and after, the "
            + "obligations the account holds money for, alerts resolved) and the confirmation the release must send")
    ReleasePreviewResponse releasePreview(@PathVariable long id) {
        ReleasePreviews.Preview p = accounts.previewRelease(id, currentUsers.require());
        return new ReleasePreviewResponse(p.account().id(), p.hold().id(), p.hold().automatic(),
                p.account().balance(), p.account().requiredMinimum(), p.payableBefore(), p.payableAfter(),
                p.obligations().stream().map(o -> new ObligationLine(o.id(), o.personId(), o.kind(), o.amount()))
                        .toList(), p.obligationsTotal(), p.alertsResolved(), p.confirmation());
    }

    @GetMapping("/api/v1/fund-alerts")
    @PreAuthorize("hasAuthority('" + FundsPermissions.READ + "')")
    @Operation(summary = "Fund alerts in the caller's scope, newest first; status OPEN | ACKNOWLEDGED | RESOLVED")
    List<AlertResponse> alerts(@RequestParam(required = false) String status,
                               @RequestParam(required = false) Long accountId) {
        return accounts.alerts(status, accountId, currentUsers.require()).stream().map(FundsApiController::alert)
                .toList();
    }

    @PostMapping("/api/v1/fund-alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('" + FundsPermissions.MANAGE + "')")
    @Operation(summary = "Mark an open alert as seen and being handled (409 if it is not open)")
    AlertResponse acknowledge(@PathVariable long id) {
        return alert(accounts.acknowledge(id, currentUsers.require()));
    }

    static AccountResponse response(Account a) {
        return new AccountResponse(a.id(), a.institutionId(), a.institutionName(), a.bank(), a.accountNumberMasked(),
                a.minimumRatio(), a.balance(), a.requiredMinimum(), a.status().name());
    }

    static HoldResponse hold(Hold h) {
        return new HoldResponse(h.id(), h.accountId(), h.automatic(), h.placedBy(), h.reason(), h.effectiveFrom(),
                h.placedAt(), h.releasedAt(), h.releasedBy(), h.releaseReason());
    }

    static AlertResponse alert(Alert a) {
        return new AlertResponse(a.id(), a.accountId(), a.institutionId(), a.institutionName(), a.kind(), a.status(),
                a.amount(), a.balance(), a.requiredMinimum(), a.eventAt(), a.raisedAt(), a.holdId(),
                a.acknowledgedBy(), a.resolvedBy(), a.resolution());
    }

    record DesignatedRequest(String accountNumber, String label) {
    }

    record OpenRequest(Long institutionId, String bank, String accountNumber, BigDecimal minimumRatio,
                       List<DesignatedRequest> designatedAccounts) {
    }

    record ObligationRequest(Long personId, String kind, BigDecimal amount,
                             List<CustodyAccounts.RefundInstalment> refundSchedule) {
    }

    record TransactionRequest(String bankRef, String at, BigDecimal amount, String direction,
                              String counterpartyAccount, String purpose) {
    }

    record ReasonRequest(String reason) {
    }

    record AccountResponse(long id, long institutionId, String institutionName, String bank, String accountNumberMasked,
                           BigDecimal minimumRatio, BigDecimal balance, BigDecimal requiredMinimum, String status) {
    }

    record IngestResponse(int accepted, int duplicates, List<Long> alerts) {
    }

    record HoldResponse(long id, long accountId, boolean automatic, String placedBy, String reason,
                        Instant effectiveFrom, Instant placedAt, Instant releasedAt, String releasedBy,
                        String releaseReason) {
    }

    record AlertResponse(long id, long accountId, long institutionId, String institutionName, String kind,
                         String status, BigDecimal amount, BigDecimal balance, BigDecimal requiredMinimum,
                         Instant eventAt, Instant raisedAt, Long holdId, String acknowledgedBy, String resolvedBy,
                         String resolution) {
    }
}
