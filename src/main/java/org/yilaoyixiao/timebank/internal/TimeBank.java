package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.ledger.AccountLine;
import org.yilaoyixiao.ledger.Ledger;
import org.yilaoyixiao.ledger.LedgerRefusal;
import org.yilaoyixiao.ledger.LedgerTransaction;
import org.yilaoyixiao.ledger.LedgerUnit;
import org.yilaoyixiao.ledger.Posting;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

/**
 * The hours: credits for verified services (once per service), transfers and donations between people, spending in
 * any village (通存通兑), proxy actions for elders without a phone, expiry and statements. Every movement is one
 * balanced ledger transaction under an idempotency key, and a record here saying why, committed together.
 */
@Service
class TimeBank {

    enum SourceType { ORDER, VISIT, ACTIVITY }

    enum MovementKind { TRANSFER, DONATION, SPEND, EXPIRY }

    static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

    private final TimeBankRepository repository;
    private final EngagementRepository engagement;
    private final TimeBankSettings settings;
    private final Ledger ledger;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TimeBank(TimeBankRepository repository, EngagementRepository engagement, TimeBankSettings settings, Ledger ledger,
             PersonDirectory persons, DivisionDirectory divisions, AuditTrail audit, TransactionTemplate transactions,
             Clock clock) {
        this.repository = repository;
        this.engagement = engagement;
        this.settings = settings;
        this.ledger = ledger;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A person's hours: balance = earned − spent, where earned is everything received and spent everything given. */
    record Account(long personId, BigDecimal balanceHours, BigDecimal earned, BigDecimal spent) {
    }

    Account account(long personId, CurrentUser actor) {
        person(personId, actor);
        return account(personId);
    }

    Account account(long personId) {
        BigDecimal earned = BigDecimal.ZERO.setScale(2);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        for (AccountLine line : ledger.lines(TimeBankAccounts.person(personId), Instant.EPOCH, END_OF_TIME)) {
            if (line.amount().signum() > 0) {
                earned = earned.add(line.amount());
            } else {
                spent = spent.add(line.amount().negate());
            }
        }
        // every movement of the account is among its lines, so the balance follows from them
        return new Account(personId, earned.subtract(spent), earned, spent);
    }

    BigDecimal balance(long personId) {
        return ledger.balances(List.of(TimeBankAccounts.person(personId)))
                .getOrDefault(TimeBankAccounts.person(personId), BigDecimal.ZERO.setScale(2));
    }

    record CreditResult(TimeBankRepository.Credit credit, boolean replayed) {
    }

    /**
     * Credits hours for one verified service, once: the same key again is a replay (nothing changes), the same
     * source under another key is refused with 409 — also when two requests race (the unique source wins once).
     */
    CreditResult credit(long personId, BigDecimal hours, String sourceType, String sourceRef, String key,
                        CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.hours(hours, settings.maxHoursPerCredit(), "hours", problems);
        SourceType type = null;
        try {
            type = SourceType.valueOf(sourceType == null ? "" : sourceType.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ApiException.FieldProblem("sourceType", "INVALID", "timebank.source-type.invalid",
                    new Object[0]));
        }
        Checks.text(sourceRef, "sourceRef", true, problems);
        Checks.text(key, "idempotencyKey", true, problems);
        Checks.throwIfAny(problems);
        person(personId, actor);
        String creditKey = "timebank:credit:" + key.strip();
        SourceType source = type;
        return retryingDuplicates(() -> transactions.execute(status ->
                        creditWithin(personId, hours, source, sourceRef.strip(), creditKey, actor.username())),
                () -> replayCredit(creditKey, personId, hours, source, sourceRef.strip())
                        .orElseThrow(() -> ApiException.conflict("timebank.source.credited", source, sourceRef)));
    }

    /** Credits inside the caller's transaction (an activity's confirmation credits all its participants at once). */
    CreditResult creditWithin(long personId, BigDecimal hours, SourceType type, String sourceRef, String creditKey,
                              String actor) {
        Optional<CreditResult> replay = replayCredit(creditKey, personId, hours, type, sourceRef);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (engagement.volunteer(personId).isEmpty()) {
            throw ApiException.conflict("timebank.volunteer.not-registered", personId);
        }
        if (repository.creditBySource(type.name(), sourceRef).isPresent()) {
            // the same key may have committed since the first look: a retried phone is answered with the replay
            return replayCredit(creditKey, personId, hours, type, sourceRef)
                    .orElseThrow(() -> ApiException.conflict("timebank.source.credited", type, sourceRef));
        }
        String division = verifiedDivision(type, sourceRef, personId, hours);
        BigDecimal balance = balance(personId);
        if (balance.add(hours).compareTo(settings.maxBalanceHours()) > 0) {
            throw ApiException.conflict("timebank.limit.balance", settings.maxBalanceHours().toPlainString());
        }
        ledger.open(TimeBankAccounts.issued(division), LedgerUnit.HOUR, true);
        ledger.open(TimeBankAccounts.person(personId), LedgerUnit.HOUR, false);
        String description = type == SourceType.ACTIVITY
                ? type + " " + sourceRef + " " + number(sourceRef.split(":")[0]).flatMap(engagement::activity)
                .map(EngagementRepository.Activity::title).orElse("")
                : type + " " + sourceRef;
        LedgerTransaction tx = post(creditKey, "TIMEBANK_CREDIT", description.strip(),
                List.of(new Posting(TimeBankAccounts.issued(division), hours.negate()),
                        new Posting(TimeBankAccounts.person(personId), hours)), actor);
        repository.insertCredit(personId, hours, type.name(), sourceRef, division, creditKey, tx.id(), actor);
        audit.record(AuditRecord.success("TIMEBANK_CREDITED", "timebank:" + personId,
                "source=" + type + ":" + sourceRef + " hours=" + hours.toPlainString() + " key=" + creditKey));
        return new CreditResult(repository.creditByKey(creditKey).orElseThrow(), false);
    }

    private Optional<CreditResult> replayCredit(String creditKey, long personId, BigDecimal hours, SourceType type,
                                                String sourceRef) {
        return repository.creditByKey(creditKey).map(earlier -> {
            if (earlier.personId() != personId || earlier.hours().compareTo(hours) != 0
                    || !earlier.sourceType().equals(type.name()) || !earlier.sourceRef().equals(sourceRef)) {
                throw ApiException.conflict("timebank.key.reused");
            }
            return new CreditResult(earlier, true);
        });
    }

    /** The division where the service was given, if the source is a real, finished service; 409 if it is not. */
    private String verifiedDivision(SourceType type, String ref, long personId, BigDecimal hours) {
        Optional<String> division = switch (type) {
            case ORDER -> number(ref).flatMap(repository::deliveredOrder)
                    .filter(o -> doneBy(o.butler(), personId)).map(TimeBankRepository.DeliveredOrder::divisionCode);
            case VISIT -> number(ref).flatMap(repository::recordedVisit)
                    .filter(v -> doneBy(v.visitor(), personId)).map(TimeBankRepository.RecordedVisit::divisionCode);
            case ACTIVITY -> activitySource(ref, personId, hours);
        };
        return division.orElseThrow(() -> ApiException.conflict("timebank.source.unverified", type, ref));
    }

    /**
     * Whether a service done under a platform account may be credited to the person: when the account belongs to a
     * volunteer, or the person has an account, they must be the same; when neither is linked, the organiser who
     * credits attests who did it (decision 0030).
     */
    private boolean doneBy(String account, long personId) {
        Optional<Long> owner = account == null ? Optional.empty() : engagement.volunteerByUsername(account);
        if (owner.isPresent()) {
            return owner.get() == personId;
        }
        return engagement.volunteer(personId).map(v -> v.username() == null).orElse(false);
    }

    /** An activity source is {@code <activityId>:<personId>}: a participant of a confirmed activity, for its hours. */
    private Optional<String> activitySource(String ref, long personId, BigDecimal hours) {
        String[] parts = ref.split(":");
        if (parts.length != 2 || number(parts[1]).filter(p -> p == personId).isEmpty()) {
            return Optional.empty();
        }
        return number(parts[0]).flatMap(engagement::activity).filter(a -> a.confirmedAt() != null)
                .filter(a -> engagement.participants(a.id()).stream()
                        .anyMatch(p -> p.personId() == personId && p.hours().compareTo(hours) == 0))
                .map(EngagementRepository.Activity::divisionCode);
    }

    static String activityRef(long activityId, long personId) {
        return activityId + ":" + personId;
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    record MovementResult(TimeBankRepository.Movement movement, boolean replayed, BigDecimal fromBalance) {
    }

    /**
     * Moves hours from one person to another (a donation to family, e.g. parents in another village, is a transfer
     * of kind DONATION). The receiver may live anywhere in the county. More than the balance: 409, nothing moved.
     */
    MovementResult transfer(long fromPersonId, Long toPersonId, BigDecimal hours, String kind, String note,
                            String proxyWitness, String key, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.required(toPersonId, "toPersonId", problems);
        Checks.hours(hours, settings.maxBalanceHours(), "hours", problems);
        MovementKind movementKind = MovementKind.TRANSFER;
        if (kind != null && !kind.isBlank()) {
            try {
                movementKind = MovementKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                movementKind = null;
            }
            if (movementKind != MovementKind.TRANSFER && movementKind != MovementKind.DONATION) {
                problems.add(new ApiException.FieldProblem("kind", "INVALID", "timebank.kind.invalid",
                        new Object[0]));
            }
        }
        Checks.text(note, "note", false, problems);
        Checks.text(proxyWitness, "proxyWitness", false, problems);
        Checks.text(key, "idempotencyKey", true, problems);
        if (toPersonId != null && toPersonId == fromPersonId) {
            problems.add(new ApiException.FieldProblem("toPersonId", "SAME", "timebank.transfer.same-person",
                    new Object[0]));
        }
        Checks.throwIfAny(problems);
        person(fromPersonId, actor);
        PersonSummary receiver = persons.find(toPersonId).filter(p -> p.status() == RecordStatus.ACTIVE)
                .orElseThrow(() -> ApiException.notFound("timebank.person.not-found", toPersonId));
        String witness = proxyWitness(fromPersonId, proxyWitness);
        String movementKey = "timebank:movement:" + key.strip();
        MovementKind k = movementKind;
        return retryingDuplicates(() -> transactions.execute(status -> {
            Optional<MovementResult> replay = replayMovement(movementKey, fromPersonId, toPersonId, hours, k);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (balance(receiver.id()).add(hours).compareTo(settings.maxBalanceHours()) > 0) {
                throw ApiException.conflict("timebank.limit.balance", settings.maxBalanceHours().toPlainString());
            }
            ledger.open(TimeBankAccounts.person(fromPersonId), LedgerUnit.HOUR, false);
            ledger.open(TimeBankAccounts.person(receiver.id()), LedgerUnit.HOUR, false);
            LedgerTransaction tx = post(movementKey, "TIMEBANK_" + k, note == null ? receiver.name()
                            : receiver.name() + " · " + note.strip(),
                    List.of(new Posting(TimeBankAccounts.person(fromPersonId), hours.negate()),
                            new Posting(TimeBankAccounts.person(receiver.id()), hours)), actor.username());
            repository.insertMovement(k.name(), fromPersonId, receiver.id(), receiver.residenceDivisionCode(), hours,
                    Checks.strip(note), witness, movementKey, tx.id(), actor.username());
            record(k, fromPersonId, "to=" + receiver.id() + " hours=" + hours.toPlainString(), witness);
            return new MovementResult(repository.movementByKey(movementKey).orElseThrow(), false,
                    balance(fromPersonId));
        }), () -> replayMovement(movementKey, fromPersonId, toPersonId, hours, k).orElseThrow());
    }

    /** Spends hours on a service received in any village of the county (通存通兑). */
    MovementResult spend(long personId, BigDecimal hours, String divisionCode, String note, String proxyWitness,
                         String key, CurrentUser actor) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        Checks.hours(hours, settings.maxBalanceHours(), "hours", problems);
        Checks.text(divisionCode, "divisionCode", true, problems);
        Checks.text(note, "note", true, problems);
        Checks.text(proxyWitness, "proxyWitness", false, problems);
        Checks.text(key, "idempotencyKey", true, problems);
        Checks.throwIfAny(problems);
        PersonSummary person = person(personId, actor);
        String division = divisionCode.strip();
        if (divisions.find(division).isEmpty()) {
            throw ApiException.validation("divisionCode", "UNKNOWN", "timebank.division.unknown", division);
        }
        String witness = proxyWitness(personId, proxyWitness);
        String movementKey = "timebank:movement:" + key.strip();
        return retryingDuplicates(() -> transactions.execute(status -> {
            Optional<MovementResult> replay = replayMovement(movementKey, personId, null, hours, MovementKind.SPEND);
            if (replay.isPresent()) {
                return replay.get();
            }
            ledger.open(TimeBankAccounts.person(personId), LedgerUnit.HOUR, false);
            ledger.open(TimeBankAccounts.services(division), LedgerUnit.HOUR, true);
            LedgerTransaction tx = post(movementKey, "TIMEBANK_SPEND", note.strip(),
                    List.of(new Posting(TimeBankAccounts.person(personId), hours.negate()),
                            new Posting(TimeBankAccounts.services(division), hours)), actor.username());
            repository.insertMovement(MovementKind.SPEND.name(), personId, null, division, hours, note.strip(),
                    witness, movementKey, tx.id(), actor.username());
            record(MovementKind.SPEND, person.id(), "division=" + division + " hours=" + hours.toPlainString(),
                    witness);
            return new MovementResult(repository.movementByKey(movementKey).orElseThrow(), false,
                    balance(personId));
        }), () -> replayMovement(movementKey, personId, null, hours, MovementKind.SPEND).orElseThrow());
    }

    /**
     * The witness of a proxy action, or null for an action the holder asked for themselves. An elder registered
     * without a phone can only act through an organiser, with a witness named; naming a witness makes any action a
     * proxy action.
     */
    private String proxyWitness(long personId, String proxyWitness) {
        boolean noPhone = engagement.volunteer(personId).map(v -> !v.ownPhone()).orElse(false);
        if (noPhone && (proxyWitness == null || proxyWitness.isBlank())) {
            throw ApiException.validation("proxyWitness", "REQUIRED", "timebank.proxy.witness-required");
        }
        return Checks.strip(proxyWitness);
    }

    private void record(MovementKind kind, long personId, String detail, String witness) {
        audit.record(AuditRecord.success("TIMEBANK_" + kind, "timebank:" + personId, detail));
        if (witness != null) {
            // the organiser is the audit record's actor; the elder is its target
            audit.record(AuditRecord.success("TIMEBANK_PROXY_ACTION", "timebank:" + personId,
                    "action=" + kind + " " + detail + " witness=" + witness));
        }
    }

    private Optional<MovementResult> replayMovement(String key, long from, Long to, BigDecimal hours,
                                                    MovementKind kind) {
        return repository.movementByKey(key).map(earlier -> {
            if (earlier.fromPersonId() != from || !java.util.Objects.equals(earlier.toPersonId(), to)
                    || earlier.hours().compareTo(hours) != 0 || !earlier.kind().equals(kind.name())) {
                throw ApiException.conflict("timebank.key.reused");
            }
            return new MovementResult(earlier, true, balance(from));
        });
    }

    record ExpiryResult(LocalDate asOf, int accounts, BigDecimal hours) {
    }

    /**
     * Expires the hours received more than {@code expiryMonths} before {@code asOf} and not spent since, oldest
     * first: what is left of a balance after the hours received since the cutoff. Once per person and date.
     */
    ExpiryResult expire(LocalDate asOf, CurrentUser actor) {
        if (asOf.isAfter(BusinessTime.today(clock))) {
            throw ApiException.validation("asOf", "FUTURE", "timebank.expiry.future");
        }
        return expireAsOf(asOf, actor.username());
    }

    ExpiryResult expireAsOf(LocalDate asOf, String actor) {
        int accounts = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (long personId : repository.accountHolders()) {
            BigDecimal expired = expirePerson(personId, asOf, actor);
            if (expired.signum() > 0) {
                accounts++;
                total = total.add(expired);
            }
        }
        return new ExpiryResult(asOf, accounts, total);
    }

    /** Expires one person's hours as of a date, in a transaction of its own; the hours expired (zero if none). */
    BigDecimal expirePerson(long personId, LocalDate asOf, String actor) {
        Instant cutoff = asOf.minusMonths(settings.expiryMonths()).atStartOfDay(BusinessTime.ZONE).toInstant();
        return transactions.execute(status -> expireOne(personId, cutoff, asOf, actor));
    }

    private BigDecimal expireOne(long personId, Instant cutoff, LocalDate asOf, String actor) {
        String account = TimeBankAccounts.person(personId);
        BigDecimal received = ledger.lines(account, cutoff, END_OF_TIME).stream().map(AccountLine::amount)
                .filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expired = balance(personId).subtract(received);
        String key = "timebank:expiry:" + personId + ":" + asOf;
        if (expired.signum() <= 0 || repository.movementByKey(key).isPresent()) {
            return BigDecimal.ZERO;
        }
        ledger.open(TimeBankAccounts.EXPIRED, LedgerUnit.HOUR, true);
        LedgerTransaction tx = post(key, "TIMEBANK_EXPIRY", asOf.toString(),
                List.of(new Posting(account, expired.negate()), new Posting(TimeBankAccounts.EXPIRED, expired)),
                actor);
        repository.insertMovement(MovementKind.EXPIRY.name(), personId, null, null, expired, null, null, key,
                tx.id(), actor);
        audit.record(AuditRecord.success("TIMEBANK_EXPIRED", "timebank:" + personId,
                "hours=" + expired.toPlainString() + " asOf=" + asOf));
        return expired;
    }

    record StatementLine(Instant at, String kind, String description, BigDecimal amount, BigDecimal balanceAfter) {
    }

    record Statement(PersonSummary person, Instant from, Instant to, BigDecimal opening, BigDecimal in,
                     BigDecimal out, BigDecimal closing, List<StatementLine> lines) {
    }

    /** A person's movements in a period: opening + in − out = closing. Reading it is audited. */
    Statement statement(long personId, Instant from, Instant to, CurrentUser actor) {
        PersonSummary person = person(personId, actor);
        audit.record(AuditRecord.success("TIMEBANK_STATEMENT_READ", "timebank:" + personId,
                "from=" + from + " to=" + to));
        String account = TimeBankAccounts.person(personId);
        BigDecimal opening = ledger.balanceBefore(account, from).setScale(2);
        BigDecimal in = BigDecimal.ZERO.setScale(2);
        BigDecimal out = BigDecimal.ZERO.setScale(2);
        BigDecimal closing = opening;
        List<StatementLine> lines = new ArrayList<>();
        for (AccountLine line : ledger.lines(account, from, to)) {
            lines.add(new StatementLine(line.postedAt(), line.kind(), line.description(), line.amount(),
                    line.balanceAfter()));
            if (line.amount().signum() > 0) {
                in = in.add(line.amount());
            } else {
                out = out.add(line.amount().negate());
            }
            closing = line.balanceAfter();
        }
        return new Statement(person, from, to, opening, in, out, closing, lines);
    }

    private LedgerTransaction post(String key, String kind, String description, List<Posting> postings,
                                   String actor) {
        try {
            return ledger.post(key, kind, description.length() > 200 ? description.substring(0, 200) : description,
                    postings, actor);
        } catch (LedgerRefusal refusal) {
            throw switch (refusal.reason()) {
                case INSUFFICIENT_BALANCE -> ApiException.conflict("timebank.balance.insufficient");
                case KEY_REUSED -> ApiException.conflict("timebank.key.reused");
                default -> refusal;
            };
        }
    }

    /**
     * Runs a command; when it lost a race on a unique index (the same key or the same source at the same moment), its
     * transaction was rolled back and the answer is what the winner left, read afresh.
     */
    private static <T> T retryingDuplicates(Supplier<T> command, Supplier<T> afterDuplicate) {
        try {
            return command.get();
        } catch (DuplicateKeyException e) {
            return afterDuplicate.get();
        }
    }

    PersonSummary person(long personId, CurrentUser actor) {
        return persons.find(personId)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("timebank.person.not-found", personId));
    }
}
