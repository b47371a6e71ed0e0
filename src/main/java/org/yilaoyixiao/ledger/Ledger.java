package org.yilaoyixiao.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ledger's commands and queries. Commands join the caller's transaction (so a module's own records and the
 * postings they explain commit together) and refuse with {@link LedgerRefusal}, posting nothing.
 */
public interface Ledger {

    /** Opens an account, or does nothing if one with this code is open already (its settings must then match). */
    void open(String code, LedgerUnit unit, boolean allowNegative);

    /**
     * Posts a balanced transaction once: the same key again returns the first transaction, marked replayed, if the
     * postings are the same, and refuses with {@code KEY_REUSED} if they differ.
     */
    LedgerTransaction post(String idempotencyKey, String kind, String description, List<Posting> postings,
                           String actor);

    /** Posts the mirror image of a transaction, once; a transaction is reversed at most once. */
    LedgerTransaction reverse(long transactionId, String idempotencyKey, String description, String actor);

    BigDecimal balance(String code);

    /** Balances of the given accounts; an account not open has none in the map. */
    Map<String, BigDecimal> balances(Collection<String> codes);

    /** The balance right before an instant (zero before the first posting). */
    BigDecimal balanceBefore(String code, Instant instant);

    /** Movements on an account from (inclusive) to (exclusive), oldest first. */
    List<AccountLine> lines(String code, Instant from, Instant to);

    /** The transaction posted under a key, if any. */
    java.util.Optional<LedgerTransaction> findByKey(String idempotencyKey);
}
