package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.funds.internal.FundsRepository.Hold;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDirectory;
import tools.jackson.databind.ObjectMapper;

/**
 * Custody accounts and what happens to them: opening, designated counterparties, obligations, the bank's movements
 * with the rules run after each, holds and their release, alerts. Every read is limited to the actor's division
 * subtree (by the institution's division) and every change is audited.
 */
@Service
class CustodyAccounts {


    private final FundsRepository repository;
    private final FundsRules rules;
    private final FundsSettings settings;
    private final FacilityDirectory facilities;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final FundsAuditText words;
    private final Clock clock;
    private final ObjectMapper json;
    private final ReleasePreviews previews;

    CustodyAccounts(FundsRepository repository, FundsRules rules, FundsSettings settings,
                    FacilityDirectory facilities, PersonDirectory persons, DivisionDirectory divisions, FieldCipher cipher, AuditTrail audit,
                    FundsAuditText words, Clock clock, ObjectMapper json, ReleasePreviews previews) {
        this.previews = previews;
        this.repository = repository;
        this.rules = rules;
        this.settings = settings;
        this.facilities = facilities;
        this.persons = persons;
        this.divisions = divisions;
        this.cipher = cipher;
        this.audit = audit;
        this.words = words;
        this.clock = clock;
        this.json = json;
    }

    record Ingested(int accepted, int duplicates, List<Long> alerts) {
    }

    record RefundInstalment(LocalDate due, BigDecimal amount) {
    }

    // --- access -----------------------------------------------------------------------------------------------

    /** Bureau staff work on funds only for civil affairs, the bureau the guideline makes responsible. */
    static void requireBusiness(CurrentUser actor) {
        if (actor.hasRole(Role.BUREAU_STAFF) && !actor.hasRole(Role.COUNTY_ADMIN) && !actor.hasRole(Role.AUDITOR)
                && actor.bureau() != Bureau.CIVIL_AFFAIRS) {
            throw ApiException.forbidden("funds.bureau.not-civil-affairs");
        }
    }

    /** The account, if the actor may see it; otherwise 404 as if it did not exist. */
    Account visible(long id, CurrentUser actor) {
        requireBusiness(actor);
        return repository.account(id)
                .filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("funds.account.not-found", id));
    }

    List<Account> accounts(CurrentUser actor) {
        requireBusiness(actor);
        return repository.accountsIn(divisions.subtreeCodes(actor.divisionCode()));
    }

    // --- opening, designated accounts, obligations --------------------------------------------------------------

    // Refusals are thrown before any write, so the transaction may commit to keep their audit record.
    @Transactional(noRollbackFor = ApiException.class)
    Account open(Long institutionId, String bank, String accountNumber, BigDecimal minimumRatio,
                 List<String[]> designated, CurrentUser actor) {
        requireBusiness(actor);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        InstitutionSummary institution = null;
        if (institutionId == null) {
            problems.add(new ApiException.FieldProblem("institutionId", "REQUIRED", "funds.account.institution.required", null));
        } else {
            institution = facilities.institution(institutionId).orElse(null);
            if (institution == null) {
                problems.add(new ApiException.FieldProblem("institutionId", "NOT_FOUND", "funds.account.institution.not-found", null));
            }
        }
        if (bank == null || bank.isBlank() || bank.length() > 100) {
            problems.add(new ApiException.FieldProblem("bank", "REQUIRED", "funds.account.bank.required", null));
        }
        String number = normaliseAccountNumber(accountNumber);
        if (number == null) {
            problems.add(new ApiException.FieldProblem("accountNumber", "INVALID", "funds.account.number.invalid", null));
        }
        BigDecimal ratio = minimumRatio == null ? settings.defaultMinimumRatio() : minimumRatio;
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 || ratio.scale() > 4) {
            problems.add(new ApiException.FieldProblem("minimumRatio", "INVALID", "funds.account.ratio.invalid", null));
        }
        for (int i = 0; i < designated.size(); i++) {
            if (normaliseAccountNumber(designated.get(i)[0]) == null) {
                problems.add(new ApiException.FieldProblem("designatedAccounts[" + i + "].accountNumber", "INVALID",
                        "funds.account.number.invalid", null));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        if (!divisions.isWithin(actor.divisionCode(), institution.divisionCode())) {
            audit.record(AuditRecord.of("FUNDS_ACCOUNT_OPENED", "institution:" + institutionId, AuditOutcome.DENIED,
                    "养老机构不在经办人的数据范围内"));
            throw ApiException.forbidden("funds.account.out-of-scope", institution.name());
        }
        if (repository.accountExistsFor(institutionId)) {
            throw ApiException.conflict("funds.account.exists", institution.name());
        }
        String masked = mask(number);
        long id = repository.insertAccount(institutionId, bank.strip(), cipher.encrypt(number), masked, ratio,
                clock.instant(), actor.username());
        for (String[] d : designated) {
            repository.addDesignated(id, normaliseAccountNumber(d[0]), label(d[1]), actor.username());
        }
        audit.record(AuditRecord.success("FUNDS_ACCOUNT_OPENED", "custody-account:" + id,
                institution.name() + "，" + bank.strip() + " 账号 " + masked + "，最低风险保证金比例 "
                        + ratio.toPlainString() + "，指定收款账户 " + designated.size() + " 个"));
        return repository.account(id).orElseThrow();
    }

    @Transactional
    void addDesignated(long accountId, String accountNumber, String label, CurrentUser actor) {
        Account account = visible(accountId, actor);
        String number = normaliseAccountNumber(accountNumber);
        if (number == null) {
            throw ApiException.validation("accountNumber", "INVALID", "funds.account.number.invalid");
        }
        repository.lock(account.id());
        if (!repository.addDesignated(account.id(), number, label(label), actor.username())) {
            throw ApiException.conflict("funds.designated.exists");
        }
        audit.record(AuditRecord.success("FUNDS_DESIGNATED_ACCOUNT_ADDED", "custody-account:" + account.id(),
                "指定收款账户 " + number + "（" + label(label) + "）"));
    }

    @Transactional
    long addObligation(long accountId, Long personId, String kind, BigDecimal amount,
                       List<RefundInstalment> schedule, CurrentUser actor) {
        Account account = visible(accountId, actor);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (personId == null) {
            problems.add(new ApiException.FieldProblem("personId", "REQUIRED", "funds.obligation.person.required", null));
        } else if (persons.find(personId).isEmpty()) {
            problems.add(new ApiException.FieldProblem("personId", "NOT_FOUND", "funds.obligation.person.not-found", null));
        }
        if (kind == null || !Set.of("DEPOSIT", "MEMBERSHIP", "PREPAID_FEE").contains(kind)) {
            problems.add(new ApiException.FieldProblem("kind", "INVALID", "funds.obligation.kind.invalid", null));
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            problems.add(new ApiException.FieldProblem("amount", "INVALID", "funds.obligation.amount.invalid", null));
        }
        List<RefundInstalment> instalments = schedule == null ? List.of() : schedule;
        BigDecimal scheduled = BigDecimal.ZERO;
        for (int i = 0; i < instalments.size(); i++) {
            RefundInstalment r = instalments.get(i);
            if (r == null || r.due() == null || r.amount() == null || r.amount().signum() <= 0) {
                problems.add(new ApiException.FieldProblem("refundSchedule[" + i + "]", "INVALID",
                        "funds.obligation.schedule.invalid", null));
            } else {
                scheduled = scheduled.add(r.amount());
            }
        }
        if (amount != null && amount.signum() > 0 && scheduled.compareTo(amount) > 0) {
            problems.add(new ApiException.FieldProblem("refundSchedule", "EXCEEDS_AMOUNT",
                    "funds.obligation.schedule.exceeds", null));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        repository.lock(account.id());
        long id = repository.insertObligation(account.id(), personId, kind, amount,
                json.writeValueAsString(instalments.stream()
                        .sorted(Comparator.comparing(RefundInstalment::due)).toList()),
                clock.instant(), actor.username());
        audit.record(AuditRecord.success("FUNDS_OBLIGATION_ADDED", "custody-account:" + account.id(),
                "预收费用 " + id + "：" + words.obligation(kind) + " " + FundsAuditText.money(amount) + "，退还计划 "
                        + instalments.size() + " 期"));
        // A larger obligation raises the required minimum at once: check the balance against it now.
        rules.checkMinimum(repository.account(account.id()).orElseThrow(), null, clock.instant());
        return id;
    }

    // --- the bank's movements -----------------------------------------------------------------------------------

    /**
     * Takes the bank's movements: those whose reference the account already has are counted as duplicates and change
     * nothing; the rest are stored, the balance history recomputed, and the rules run on each new movement in event
     * time order.
     */
    @Transactional
    Ingested ingest(long accountId, List<MovementInput> movements, String source, CurrentUser actor) {
        Account account = visible(accountId, actor);
        repository.lock(account.id());
        Set<String> seen = new HashSet<>();
        List<MovementInput> fresh = new ArrayList<>();
        int duplicates = 0;
        for (MovementInput m : movements) {
            if (!seen.add(m.bankRef()) || repository.movementExists(account.id(), m.bankRef())) {
                duplicates++;
            } else {
                fresh.add(m);
            }
        }
        fresh.sort(Comparator.comparing(MovementInput::at).thenComparing(MovementInput::bankRef));
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (MovementInput m : fresh) {
            ids.add(repository.insertMovement(account.id(), m, m.refund(), source, now, actor.username()));
        }
        List<Long> alerts = new ArrayList<>();
        if (!ids.isEmpty()) {
            repository.setBalance(account.id(), repository.rebalance(account.id()));
            for (long id : ids) {
                alerts.addAll(rules.afterMovement(account.id(), repository.movement(id), now));
            }
        }
        audit.record(AuditRecord.success("FUNDS_MOVEMENTS_RECEIVED", "custody-account:" + account.id(),
                ("API".equals(source) ? "银行接口" : "对账单（" + source + "）") + "：新增 " + fresh.size() + " 笔，重复 "
                        + duplicates + " 笔，预警 " + alerts.size() + " 条"));
        return new Ingested(fresh.size(), duplicates, alerts);
    }

    /** A statement file: its movements go through {@link #ingest} and the import is recorded with its counts. */
    @Transactional
    Ingested importStatement(long accountId, String fileName, StatementFiles.Parsed parsed, CurrentUser actor) {
        Ingested ingested = ingest(accountId, parsed.movements(), parsed.format(), actor);
        repository.recordImport(accountId, fileName == null ? "-" : fileName, parsed.format(),
                parsed.movements().size(), ingested.accepted(), ingested.duplicates(), clock.instant(),
                actor.username());
        return ingested;
    }

    // --- holds --------------------------------------------------------------------------------------------------

    @Transactional
    Hold placeHold(long accountId, String reason, CurrentUser actor) {
        Account account = visible(accountId, actor);
        String why = reason(reason);
        repository.lock(account.id());
        if (repository.activeHold(account.id()).isPresent()) {
            throw ApiException.conflict("funds.hold.already");
        }
        Instant now = clock.instant();
        long holdId = repository.insertHold(account.id(), now, now, actor.username(), why);
        repository.insertAlert(account.id(), "MANUAL_HOLD", null, holdId, account.balance(),
                account.requiredMinimum(), null, now, now);
        audit.record(AuditRecord.success("FUNDS_HOLD_PLACED", "custody-account:" + account.id(),
                "工作人员止付（止付记录 " + holdId + "）：" + why));
        return repository.activeHold(account.id()).orElseThrow();
    }

    /** What releasing the account's hold would do, with the confirmation a release must carry (issue 19). */
    @Transactional(readOnly = true)
    ReleasePreviews.Preview previewRelease(long accountId, CurrentUser actor) {
        Account account = visible(accountId, actor);
        Hold hold = repository.activeHold(account.id()).orElseThrow(() -> ApiException.conflict("funds.hold.none"));
        return previews.of(account, hold);
    }

    /**
     * Releases the account's hold (decision 0028): an official with the release permission and a reason; never the
     * official who placed it. A hold the rules placed has the system as its maker, so any authorised official may
     * release it: the official is the checker of the system's decision, and the release is audited with its reason.
     * The release must carry the confirmation of a preview that still describes the account (issue 19): without one
     * it is a 400, with a stale one a 409, and nothing changes.
     */
    // Refusals are thrown before any write, so the transaction may commit to keep their audit record.
    @Transactional(noRollbackFor = ApiException.class)
    Hold release(long accountId, String reason, String confirmation, CurrentUser actor) {
        Account account = visible(accountId, actor);
        String why = reason(reason);
        repository.lock(account.id());
        Hold hold = repository.activeHold(account.id())
                .orElseThrow(() -> ApiException.conflict("funds.hold.none"));
        if (actor.username().equals(hold.placedBy())) {
            audit.record(AuditRecord.of("FUNDS_HOLD_RELEASED", "custody-account:" + account.id(),
                    AuditOutcome.DENIED, "止付记录 " + hold.id() + "：止付人不得自行解除"));
            throw ApiException.forbidden("funds.hold.same-official");
        }
        // read again under the lock: the preview is compared with the account as it is now
        ReleasePreviews.Preview now = previews.of(repository.account(account.id()).orElseThrow(), hold);
        if (confirmation == null || confirmation.isBlank()) {
            audit.record(AuditRecord.of("FUNDS_HOLD_RELEASED", "custody-account:" + account.id(),
                    AuditOutcome.DENIED, "止付记录 " + hold.id() + "：未经预览确认"));
            throw ApiException.validation("confirmation", "REQUIRED", "funds.release.confirmation.required");
        }
        if (!ReleasePreviews.confirms(now, confirmation)) {
            audit.record(AuditRecord.of("FUNDS_HOLD_RELEASED", "custody-account:" + account.id(),
                    AuditOutcome.DENIED, "止付记录 " + hold.id() + "：预览已过期，账户情况已变化"));
            throw ApiException.conflict("funds.release.stale");
        }
        Instant at = clock.instant();
        repository.releaseHold(hold.id(), at, actor.username(), why);
        List<Long> resolved = repository.resolveHoldAlerts(account.id(), hold.id(), at, actor.username(), why);
        audit.record(AuditRecord.success("FUNDS_HOLD_RELEASED", "custody-account:" + account.id(),
                "解除止付记录 " + hold.id() + "（止付人："
                        + (hold.automatic() ? "系统规则" : words.person(hold.placedBy())) + "）：" + why
                        + "；余额 " + now.account().balance().toPlainString() + " 元，解除后可支付 "
                        + now.payableAfter().toPlainString() + " 元；解除预警 " + resolved.size() + " 条"));
        return repository.holds(account.id()).stream().filter(h -> h.id() == hold.id()).findFirst().orElseThrow();
    }

    // --- alerts ---------------------------------------------------------------------------------------------------

    List<FundsRepository.Alert> alerts(String status, Long accountId, CurrentUser actor) {
        requireBusiness(actor);
        if (status != null && !Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status)) {
            throw ApiException.validation("status", "INVALID", "funds.alert.status.invalid");
        }
        return repository.alerts(divisions.subtreeCodes(actor.divisionCode()), status, accountId, 500);
    }

    static final Set<String> ALERT_STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED");
    static final Set<String> ALERT_KINDS = Set.of("BELOW_MINIMUM", "LARGE_OUTFLOW", "NON_DESIGNATED", "STRUCTURING",
            "HOLD_VIOLATION", "MANUAL_HOLD");
    static final Set<String> ACCOUNT_STATUSES = Set.of("NORMAL", "BELOW_MINIMUM", "ON_HOLD");

    org.yilaoyixiao.platform.api.PageResponse<Account> accounts(String status, Long institutionId,
                                                                org.yilaoyixiao.platform.api.PageRequest page,
                                                                CurrentUser actor) {
        requireBusiness(actor);
        if (status != null && !ACCOUNT_STATUSES.contains(status)) {
            throw ApiException.validation("status", "INVALID", "funds.account.status.invalid");
        }
        return repository.accountsPage(divisions.subtreeCodes(actor.divisionCode()), status, institutionId, page);
    }

    java.util.Map<String, Long> statusCounts(CurrentUser actor) {
        requireBusiness(actor);
        return repository.statusCounts(divisions.subtreeCodes(actor.divisionCode()));
    }

    org.yilaoyixiao.platform.api.PageResponse<FundsRepository.Alert> alerts(FundsRepository.AlertFilter filter,
                                                                             org.yilaoyixiao.platform.api.PageRequest page,
                                                                             CurrentUser actor) {
        requireBusiness(actor);
        if (filter.status() != null && !ALERT_STATUSES.contains(filter.status())) {
            throw ApiException.validation("status", "INVALID", "funds.alert.status.invalid");
        }
        if (filter.kind() != null && !ALERT_KINDS.contains(filter.kind())) {
            throw ApiException.validation("kind", "INVALID", "funds.alert.kind.invalid");
        }
        return repository.alertsPage(divisions.subtreeCodes(actor.divisionCode()), filter, page);
    }

    /** Open alerts of the actor's scope (the inbox count). */
    long openAlerts(CurrentUser actor) {
        return repository.openAlerts(divisions.subtreeCodes(actor.divisionCode()));
    }

    /** One alert, if the actor may see its account; otherwise 404 as if it did not exist. */
    FundsRepository.Alert alert(long alertId, CurrentUser actor) {
        requireBusiness(actor);
        return repository.alert(alertId).filter(a -> visibleAccount(a.accountId(), actor))
                .orElseThrow(() -> ApiException.notFound("funds.alert.not-found", alertId));
    }

    @Transactional
    FundsRepository.Alert acknowledge(long alertId, CurrentUser actor) {
        requireBusiness(actor);
        FundsRepository.Alert alert = repository.alert(alertId)
                .filter(a -> visibleAccount(a.accountId(), actor))
                .orElseThrow(() -> ApiException.notFound("funds.alert.not-found", alertId));
        if (!repository.acknowledge(alertId, clock.instant(), actor.username())) {
            throw ApiException.conflict("funds.alert.not-open");
        }
        audit.record(AuditRecord.success("FUNDS_ALERT_ACKNOWLEDGED", "fund-alert:" + alertId,
                words.kind(alert.kind()) + "，" + alert.institutionName()));
        return repository.alert(alertId).orElseThrow();
    }

    private boolean visibleAccount(long accountId, CurrentUser actor) {
        return repository.account(accountId).filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                .isPresent();
    }

    // --- account number -------------------------------------------------------------------------------------------

    @Transactional
    String revealAccountNumber(long accountId, CurrentUser actor) {
        Account account = visible(accountId, actor);
        audit.record(AuditRecord.success("FUNDS_ACCOUNT_NUMBER_REVEALED", "custody-account:" + account.id(),
                "查看完整账号 " + account.accountNumberMasked()));
        return cipher.decrypt(account.accountNumberCipher());
    }

    /** Audits a detail read: the page and API show the masked number only, but who looked is still recorded. */
    void auditDetailRead(Account account) {
        audit.record(AuditRecord.success("FUNDS_ACCOUNT_READ", "custody-account:" + account.id(),
                account.institutionName() + "，账号 " + account.accountNumberMasked()));
    }

    static String normaliseAccountNumber(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replace(" ", "").replace("-", "");
        return digits.matches("[0-9A-Za-z]{8,40}") ? digits : null;
    }

    /** First four and last four characters, the rest starred: enough to tell accounts apart on a screen. */
    static String mask(String number) {
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    private static String label(String label) {
        return label == null || label.isBlank() ? "-" : label.strip().substring(0, Math.min(100, label.strip().length()));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "REQUIRED", "funds.hold.reason.required");
        }
        if (reason.strip().length() > 500) {
            throw ApiException.validation("reason", "TOO_LONG", "funds.hold.reason.too-long");
        }
        return reason.strip();
    }

    static BigDecimal shortfall(BigDecimal required, BigDecimal balance) {
        return required.subtract(balance).setScale(2, RoundingMode.HALF_UP);
    }
}
