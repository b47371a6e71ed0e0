package org.yilaoyixiao.lovecard.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.ledger.AccountLine;
import org.yilaoyixiao.ledger.Ledger;
import org.yilaoyixiao.ledger.LedgerTransaction;
import org.yilaoyixiao.ledger.LedgerUnit;
import org.yilaoyixiao.ledger.Posting;
import org.yilaoyixiao.lovecard.FundingSource;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/** Cards, top-ups (one by one and as allocations to many cards) and statements. */
@Service
class LoveCards {

    static final int MAX_TEXT = 200;

    private final LoveCardRepository cards;
    private final LoveCardEligibility eligibility;
    private final LoveCardSettings settings;
    private final LoveCardThresholds thresholds;
    private final Ledger ledger;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoveCards(LoveCardRepository cards, LoveCardEligibility eligibility, LoveCardSettings settings,
              LoveCardThresholds thresholds, Ledger ledger, PersonDirectory persons, DivisionDirectory divisions,
              AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.cards = cards;
        this.eligibility = eligibility;
        this.settings = settings;
        this.thresholds = thresholds;
        this.ledger = ledger;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A card as shown: whether the person qualifies (and why or why not), the purses and their total. */
    record Card(PersonSummary person, boolean eligible, List<String> reasons, boolean issued,
                Map<FundingSource, BigDecimal> balances, BigDecimal total) {
    }

    Card card(long personId, CurrentUser actor) {
        PersonSummary person = person(personId, actor);
        LoveCardEligibility.Decision decision = eligibility.decide(person);
        Map<FundingSource, BigDecimal> balances = balances(personId);
        return new Card(person, decision.eligible(), decision.reasons(), cards.cardExists(personId), balances,
                balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    Map<FundingSource, BigDecimal> balances(long personId) {
        Map<String, BigDecimal> byCode = ledger.balances(LoveCardAccounts.purses(personId));
        Map<FundingSource, BigDecimal> balances = new EnumMap<>(FundingSource.class);
        for (FundingSource source : FundingSource.values()) {
            balances.put(source, byCode.getOrDefault(LoveCardAccounts.purse(personId, source),
                    BigDecimal.ZERO.setScale(2)));
        }
        return balances;
    }

    record TopUpResult(LoveCardRepository.TopUp topUp, boolean replayed) {
    }

    /** Puts money on a card once per idempotency key; opens the card on its first top-up. */
    TopUpResult topUp(long personId, String source, BigDecimal amount, String reference, String donor, String key,
                      CurrentUser actor) {
        return topUp(personId, source, amount, reference, donor, key, null, false, actor);
    }

    /** What a top-up will do to the purse, with the confirmation its page posts. */
    record TopUpPreview(PersonSummary person, FundingSource source, BigDecimal amount, BigDecimal balanceBefore,
                        BigDecimal balanceAfter, String confirmation) {
    }

    TopUpPreview previewTopUp(long personId, String source, BigDecimal amount, String reference, String donor,
                              CurrentUser actor) {
        FundingSource purse = validSource(source);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        checkAmount(amount, "amount", problems);
        checkText(reference, "reference", true, problems);
        checkText(donor, "donor", purse == FundingSource.DONATION, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        PersonSummary person = person(personId, actor);
        LoveCardEligibility.Decision decision = eligibility.decide(person);
        if (!decision.eligible()) {
            throw new ApiException(ProblemCode.NOT_ELIGIBLE, decision.reasons().get(0), new Object[0], List.of());
        }
        BigDecimal before = balances(personId).get(purse);
        return new TopUpPreview(person, purse, amount, before, before.add(amount),
                topUpConfirmation(personId, purse, amount, before));
    }

    private static String topUpConfirmation(long personId, FundingSource source, BigDecimal amount,
                                            BigDecimal before) {
        return MoneyConfirmation.of("top-up", personId, source, amount, before);
    }

    /** A top-up confirmed on its preview: refused (nothing moves) without the confirmation or after the purse moved. */
    TopUpResult topUpConfirmed(long personId, String source, BigDecimal amount, String reference, String donor,
                               String key, String confirmation, CurrentUser actor) {
        return topUp(personId, source, amount, reference, donor, key, confirmation, true, actor);
    }

    private TopUpResult topUp(long personId, String source, BigDecimal amount, String reference, String donor,
                              String key, String confirmation, boolean confirmed, CurrentUser actor) {
        FundingSource purse = validSource(source);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        checkAmount(amount, "amount", problems);
        checkText(reference, "reference", true, problems);
        checkText(donor, "donor", purse == FundingSource.DONATION, problems);
        checkText(key, "idempotencyKey", true, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        PersonSummary person = person(personId, actor);
        String cardKey = "top-up:" + key.strip();
        Optional<LoveCardRepository.TopUp> earlier = cards.topUpByKey(cardKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), personId, purse, amount);
        }
        LoveCardEligibility.Decision decision = eligibility.decide(person);
        if (!decision.eligible()) {
            throw new ApiException(ProblemCode.NOT_ELIGIBLE, decision.reasons().get(0), new Object[0], List.of());
        }
        if (confirmed) {
            MoneyConfirmation.require(confirmation, topUpConfirmation(personId, purse, amount,
                    balances(personId).get(purse)));
        }
        return transactions.execute(status -> {
            Optional<LoveCardRepository.TopUp> concurrent = credit(person.id(), person.residenceDivisionCode(), purse,
                    amount, reference.strip(), donor == null || donor.isBlank() ? null : donor.strip(), cardKey, null,
                    actor.username());
            if (concurrent.isPresent()) {
                return replay(concurrent.get(), personId, purse, amount);
            }
            LoveCardRepository.TopUp stored = cards.topUpByKey(cardKey).orElseThrow();
            audit.record(AuditRecord.success("LOVECARD_TOPPED_UP", "lovecard:" + personId,
                    "source=" + purse + " amount=" + amount.toPlainString() + " reference=" + reference.strip()
                            + " key=" + cardKey));
            return new TopUpResult(stored, false);
        });
    }

    /**
     * Opens the card and its accounts if needed, posts funder → purse and records the top-up. Returns the top-up
     * already stored under the key, if a concurrent request won; nothing is posted then.
     */
    private Optional<LoveCardRepository.TopUp> credit(long personId, String divisionCode, FundingSource source,
                                                      BigDecimal amount, String reference, String donor, String key,
                                                      Long allocationId, String actor) {
        boolean newCard = cards.openCard(personId, divisionCode, actor);
        cards.lockCard(personId);
        Optional<LoveCardRepository.TopUp> earlier = cards.topUpByKey(key);
        if (earlier.isPresent()) {
            return earlier;
        }
        if (newCard) {
            openAccounts(personId);
        }
        LedgerTransaction tx = ledger.post("lovecard:" + key, "LOVECARD_TOP_UP",
                (donor == null ? reference : reference + " · " + donor),
                List.of(new Posting(LoveCardAccounts.funder(source), amount.negate()),
                        new Posting(LoveCardAccounts.purse(personId, source), amount)), actor);
        cards.insertTopUp(personId, source, amount, reference, donor, key, allocationId, tx.id(), actor);
        return Optional.empty();
    }

    /** A new card's purses; the shared funder and services accounts once per application run (opening is idempotent). */
    private void openAccounts(long personId) {
        if (!sharedAccountsOpen) {
            for (FundingSource source : FundingSource.values()) {
                ledger.open(LoveCardAccounts.funder(source), LedgerUnit.CNY, true);
            }
            ledger.open(LoveCardAccounts.SERVICES, LedgerUnit.CNY, true);
            // remembered only once they are committed: a rolled-back first top-up must open them again
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sharedAccountsOpen = true;
                    }
                });
            }
        }
        for (FundingSource source : FundingSource.values()) {
            ledger.open(LoveCardAccounts.purse(personId, source), LedgerUnit.CNY, false);
        }
    }

    private volatile boolean sharedAccountsOpen;

    private static TopUpResult replay(LoveCardRepository.TopUp earlier, long personId, FundingSource source,
                                      BigDecimal amount) {
        if (earlier.personId() != personId || earlier.source() != source
                || earlier.amount().compareTo(amount) != 0) {
            throw ApiException.conflict("lovecard.key.reused");
        }
        return new TopUpResult(earlier, true);
    }

    record AllocationResult(long id, int cards, BigDecimal total, boolean replayed) {
    }

    /**
     * Tops up every card the rules admit in a division (default: the actor's scope) with the same amount, in one
     * transaction; each card's top-up has its own key derived from the allocation's, so the allocation runs once.
     */
    AllocationResult allocate(String source, BigDecimal perCard, String division, String reference, String donor,
                              String key, CurrentUser actor) {
        return allocate(source, perCard, division, reference, donor, key, null, false, actor);
    }

    /** An allocation confirmed on its preview: refused (nothing moves) without it or once the eligible cards changed. */
    AllocationResult allocateConfirmed(String source, BigDecimal perCard, String division, String reference,
                                       String donor, String key, String confirmation, CurrentUser actor) {
        return allocate(source, perCard, division, reference, donor, key, confirmation, true, actor);
    }

    /** What an allocation will pay: cards, total, cards by township (most first), the previous one to compare. */
    record AllocationPreview(FundingSource source, BigDecimal perCard, String division, int cards, BigDecimal total,
                             List<TownshipShare> townships, LoveCardRepository.Allocation previous,
                             String confirmation) {
    }

    record TownshipShare(String name, int cards, BigDecimal amount) {
    }

    AllocationPreview previewAllocation(String source, BigDecimal perCard, String division, String reference,
                                        String donor, CurrentUser actor) {
        FundingSource purse = validSource(source);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        checkAmount(perCard, "amountPerCard", problems);
        checkText(reference, "reference", true, problems);
        checkText(donor, "donor", purse == FundingSource.DONATION, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String scope = allocationScope(division, actor);
        List<Object[]> eligible = eligibleFor(scope);
        Map<String, Integer> byTownship = new java.util.HashMap<>();
        Map<String, String> townshipOf = new java.util.HashMap<>();
        for (Object[] row : eligible) {
            String township = townshipOf.computeIfAbsent((String) row[1], code -> {
                List<org.yilaoyixiao.divisions.Division> path = divisions.path(code);
                return path.size() > 1 ? path.get(1).name() : path.isEmpty() ? code : path.get(0).name();
            });
            byTownship.merge(township, 1, Integer::sum);
        }
        List<TownshipShare> townships = byTownship.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new TownshipShare(e.getKey(), e.getValue(),
                        perCard.multiply(BigDecimal.valueOf(e.getValue())))).toList();
        return new AllocationPreview(purse, perCard, scope, eligible.size(),
                perCard.multiply(BigDecimal.valueOf(eligible.size())), townships,
                cards.previousAllocation(purse, scope).orElse(null),
                allocationConfirmation(purse, perCard, scope, eligible));
    }

    private static String allocationConfirmation(FundingSource source, BigDecimal perCard, String scope,
                                                 List<Object[]> eligible) {
        StringBuilder people = new StringBuilder();
        eligible.forEach(row -> people.append(row[0]).append(','));
        return MoneyConfirmation.of("allocation", source, perCard, scope, eligible.size(),
                MoneyConfirmation.of(people));
    }

    private String allocationScope(String division, CurrentUser actor) {
        String scope = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        if (!divisions.isWithin(actor.divisionCode(), scope)) {
            throw ApiException.forbidden("lovecard.division.out-of-scope", scope);
        }
        return scope;
    }

    /** The people an allocation to this area would top up: in the pilot villages within it, as the rules admit. */
    private List<Object[]> eligibleFor(String scope) {
        Set<String> area = divisions.subtreeCodes(scope).stream()
                .filter(code -> settings.pilotDivisions().stream().anyMatch(p -> divisions.isWithin(p, code)))
                .collect(Collectors.toSet());
        LocalDate today = BusinessTime.today(clock);
        return cards.eligibleIn(area, thresholds.minCapabilityLevel(today),
                today.minusYears(thresholds.minAge(today)));
    }

    private AllocationResult allocate(String source, BigDecimal perCard, String division, String reference,
                                      String donor, String key, String confirmation, boolean confirmed,
                                      CurrentUser actor) {
        FundingSource purse = validSource(source);
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        checkAmount(perCard, "amountPerCard", problems);
        checkText(reference, "reference", true, problems);
        checkText(donor, "donor", purse == FundingSource.DONATION, problems);
        checkText(key, "idempotencyKey", true, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String scope = allocationScope(division, actor);
        String allocationKey = "allocation:" + key.strip();
        return transactions.execute(status -> {
            Optional<LoveCardRepository.Allocation> earlier = cards.allocationByKey(allocationKey);
            if (earlier.isPresent()) {
                return new AllocationResult(earlier.get().id(), earlier.get().cards(), earlier.get().total(), true);
            }
            List<Object[]> eligible = eligibleFor(scope);
            if (confirmed) {
                MoneyConfirmation.require(confirmation, allocationConfirmation(purse, perCard, scope, eligible));
            }
            long id = cards.insertAllocation(allocationKey, purse, perCard, scope, reference.strip(),
                    donor == null || donor.isBlank() ? null : donor.strip(), actor.username());
            int count = 0;
            for (Object[] row : eligible) {
                long personId = (Long) row[0];
                // the eligible rows carry the residence division: no person lookup per card
                credit(personId, (String) row[1], purse, perCard, reference.strip(), donor == null || donor.isBlank() ? null
                        : donor.strip(), allocationKey + ":" + personId, id, actor.username());
                count++;
            }
            BigDecimal total = perCard.multiply(BigDecimal.valueOf(count));
            cards.completeAllocation(id, count, total);
            audit.record(AuditRecord.success("LOVECARD_ALLOCATED", "lovecard-allocation:" + id,
                    "source=" + purse + " perCard=" + perCard.toPlainString() + " division=" + scope + " cards="
                            + count + " total=" + total.toPlainString() + " reference=" + reference.strip()));
            return new AllocationResult(id, count, total, false);
        });
    }

    /** One movement on one purse, with what it was for. */
    record StatementLine(Instant at, FundingSource source, String kind, String description, Long orderId,
                         BigDecimal amount, BigDecimal balanceAfter) {
    }

    record Statement(PersonSummary person, Instant from, Instant to, Map<FundingSource, BigDecimal> opening,
                     List<StatementLine> lines, Map<FundingSource, BigDecimal> closing,
                     Map<FundingSource, BigDecimal> in, Map<FundingSource, BigDecimal> out) {
    }

    /** A card's movements in a period, per purse: opening + in − out = closing for every purse. */
    Statement statement(long personId, Instant from, Instant to, CurrentUser actor) {
        PersonSummary person = person(personId, actor);
        audit.record(AuditRecord.success("LOVECARD_STATEMENT_READ", "lovecard:" + personId,
                "from=" + from + " to=" + to));
        Map<Long, Long> orders = cards.paymentOrders(personId);
        Map<FundingSource, BigDecimal> opening = new EnumMap<>(FundingSource.class);
        Map<FundingSource, BigDecimal> closing = new EnumMap<>(FundingSource.class);
        Map<FundingSource, BigDecimal> in = new EnumMap<>(FundingSource.class);
        Map<FundingSource, BigDecimal> out = new EnumMap<>(FundingSource.class);
        List<StatementLine> lines = new ArrayList<>();
        for (FundingSource source : FundingSource.values()) {
            String purse = LoveCardAccounts.purse(personId, source);
            BigDecimal start = ledger.balanceBefore(purse, from);
            opening.put(source, start);
            BigDecimal end = start;
            BigDecimal credits = BigDecimal.ZERO;
            BigDecimal debits = BigDecimal.ZERO;
            for (AccountLine line : ledger.lines(purse, from, to)) {
                lines.add(new StatementLine(line.postedAt(), source, line.kind(), line.description(),
                        orders.get(line.transactionId()), line.amount(), line.balanceAfter()));
                end = line.balanceAfter();
                if (line.amount().signum() > 0) {
                    credits = credits.add(line.amount());
                } else {
                    debits = debits.add(line.amount().negate());
                }
            }
            closing.put(source, end);
            in.put(source, credits);
            out.put(source, debits);
        }
        lines.sort(Comparator.comparing(StatementLine::at).thenComparing(StatementLine::source));
        return new Statement(person, from, to, opening, lines, closing, in, out);
    }

    /** How one source's money was used over the cards in a division: given, spent by category, refunded, left. */
    /** {@code net} = topped up − spent + refunded: what this source's money added to the purses in the period. */
    record FunderStatement(FundingSource source, String division, Instant from, Instant to, BigDecimal toppedUp,
                           BigDecimal spent, BigDecimal refunded, BigDecimal net, Map<String, BigDecimal> spentByCategory,
                           long cards) {
    }

    FunderStatement funderStatement(String source, String division, Instant from, Instant to, CurrentUser actor) {
        FundingSource purse = validSource(source);
        String scope = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        if (!divisions.isWithin(actor.divisionCode(), scope)) {
            throw ApiException.forbidden("lovecard.division.out-of-scope", scope);
        }
        Set<String> area = divisions.subtreeCodes(scope);
        BigDecimal[] totals = cards.funderTotals(area, from, to).get(purse);
        Map<String, BigDecimal> byCategory = new java.util.TreeMap<>();
        for (Object[] row : cards.spendingByCategory(area, from, to)) {
            if (row[1] == purse) {
                byCategory.put((String) row[0], (BigDecimal) row[2]);
            }
        }
        return new FunderStatement(purse, scope, from, to, totals[0], totals[1], totals[2],
                totals[0].subtract(totals[1]).add(totals[2]), byCategory, cards.countCardsIn(area));
    }

    /** A card in a list: the holder's name, masked ID number and village, and the purses' balances. */
    record CardSummary(PersonSummary person, String villageName, Map<FundingSource, BigDecimal> balances,
                       BigDecimal total) {
    }

    List<CardSummary> cardsIn(String division, int page, int size, CurrentUser actor) {
        return summaries(cards.cardsIn(area(division, actor), size, (long) page * size));
    }

    /** Every card of an area, a few hundred at a time (for a spreadsheet): names and balances read per batch. */
    void eachCard(String division, CurrentUser actor, java.util.function.Consumer<CardSummary> row) {
        Set<String> area = area(division, actor);
        int batch = 500;
        for (long offset = 0; ; offset += batch) {
            List<LoveCardRepository.CardRow> found = cards.cardsIn(area, batch, offset);
            summaries(found).forEach(row);
            if (found.size() < batch) {
                return;
            }
        }
    }

    private Set<String> area(String division, CurrentUser actor) {
        String scope = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        if (!divisions.isWithin(actor.divisionCode(), scope)) {
            throw ApiException.forbidden("lovecard.division.out-of-scope", scope);
        }
        return divisions.subtreeCodes(scope);
    }

    /** The holders and balances of a page of cards: one query for the people, one for the purses. */
    private List<CardSummary> summaries(List<LoveCardRepository.CardRow> rows) {
        List<Long> ids = rows.stream().map(LoveCardRepository.CardRow::personId).toList();
        Map<Long, PersonSummary> people = cards.holders(ids);
        Map<String, BigDecimal> byCode = ledger.balances(ids.stream()
                .flatMap(id -> LoveCardAccounts.purses(id).stream()).toList());
        Map<String, String> villages = new java.util.HashMap<>();
        List<CardSummary> result = new ArrayList<>();
        for (LoveCardRepository.CardRow row : rows) {
            PersonSummary person = people.get(row.personId());
            if (person == null) {
                continue;
            }
            Map<FundingSource, BigDecimal> balances = new EnumMap<>(FundingSource.class);
            for (FundingSource source : FundingSource.values()) {
                balances.put(source, byCode.getOrDefault(LoveCardAccounts.purse(row.personId(), source),
                        BigDecimal.ZERO.setScale(2)));
            }
            result.add(new CardSummary(person, villages.computeIfAbsent(row.divisionCode(),
                    c -> divisions.find(c).map(d -> d.name()).orElse("")), balances,
                    balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return result;
    }

    long countCards(String division, CurrentUser actor) {
        String scope = division == null || division.isBlank() ? actor.divisionCode() : division.strip();
        return divisions.isWithin(actor.divisionCode(), scope) ? cards.countCardsIn(divisions.subtreeCodes(scope)) : 0;
    }

    PersonSummary person(long personId, CurrentUser actor) {
        return persons.find(personId)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("lovecard.person.not-found", Long.toString(personId)));
    }

    private static FundingSource validSource(String source) {
        try {
            return FundingSource.valueOf(source == null ? "" : source.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("source", "INVALID", "lovecard.source.invalid");
        }
    }

    private static void checkAmount(BigDecimal amount, String field, List<ApiException.FieldProblem> problems) {
        if (amount == null || amount.signum() <= 0) {
            problems.add(new ApiException.FieldProblem(field, "POSITIVE", "lovecard.amount.positive", new Object[0]));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new ApiException.FieldProblem(field, "FEN", "lovecard.amount.fen", new Object[0]));
        } else if (amount.compareTo(new BigDecimal("100000")) > 0) {
            problems.add(new ApiException.FieldProblem(field, "TOO_LARGE", "lovecard.amount.too-large",
                    new Object[0]));
        }
    }

    private static void checkText(String value, String field, boolean required,
                                  List<ApiException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new ApiException.FieldProblem(field, "REQUIRED", "lovecard." + field + ".required",
                        new Object[0]));
            }
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(new ApiException.FieldProblem(field, "TOO_LONG", "lovecard.text.too-long",
                    new Object[] {MAX_TEXT}));
        }
    }
}
