package org.yilaoyixiao.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.ledger.AccountLine;
import org.yilaoyixiao.ledger.Ledger;
import org.yilaoyixiao.ledger.LedgerRefusal;
import org.yilaoyixiao.ledger.LedgerRefusal.Reason;
import org.yilaoyixiao.ledger.LedgerTransaction;
import org.yilaoyixiao.ledger.LedgerUnit;
import org.yilaoyixiao.ledger.PostedLine;
import org.yilaoyixiao.ledger.Posting;

/**
 * The ledger on PostgreSQL. Accounts touched by a transaction are locked in id order (no deadlocks between two
 * transactions touching the same accounts), checked in Java for a clear refusal, then updated; the table's check
 * constraint and the deferred balance trigger stand behind that as the last guard.
 */
@Service
class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcLedger(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private record Account(long id, String code, LedgerUnit unit, boolean allowNegative, BigDecimal balance) {
    }

    @Override
    public void open(String code, LedgerUnit unit, boolean allowNegative) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into ledger.account (code, unit, allow_negative) values (:code, :unit, :neg)
                            on conflict (code) do nothing
                            """).param("code", code).param("unit", unit.name()).param("neg", allowNegative).update();
            Account account = accounts(List.of(code), false).get(code);
            if (account.unit() != unit || account.allowNegative() != allowNegative) {
                throw new IllegalStateException("Account " + code + " is open with other settings");
            }
        });
    }

    @Override
    public LedgerTransaction post(String idempotencyKey, String kind, String description, List<Posting> postings,
                                  String actor) {
        return transactions.execute(status -> post(idempotencyKey, kind, description, postings, actor, null));
    }

    private LedgerTransaction post(String key, String kind, String description, List<Posting> postings, String actor,
                                   Long reverses) {
        requireBalanced(postings);
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        postings.forEach(p -> byAccount.merge(p.accountCode(), p.amount(), BigDecimal::add));
        if (byAccount.values().stream().filter(a -> a.signum() != 0).count() < 2) {
            throw new LedgerRefusal(Reason.UNBALANCED, "fewer than two accounts move");
        }
        String fingerprint = fingerprint(kind, byAccount);
        if (keyUsed(key)) {
            return replay(key, fingerprint, reverses);
        }
        // lock and check first, so that a refusal leaves nothing behind and does not spoil the caller's transaction
        Map<String, Account> accounts = accounts(byAccount.keySet(), true);
        for (String code : byAccount.keySet()) {
            if (!accounts.containsKey(code)) {
                throw new LedgerRefusal(Reason.UNKNOWN_ACCOUNT, code);
            }
        }
        if (accounts.values().stream().map(Account::unit).distinct().count() > 1) {
            throw new LedgerRefusal(Reason.UNBALANCED, key);
        }
        for (Account account : accounts.values()) {
            BigDecimal after = account.balance().add(byAccount.get(account.code()));
            if (!account.allowNegative() && after.signum() < 0) {
                throw new LedgerRefusal(Reason.INSUFFICIENT_BALANCE, account.code());
            }
        }
        Optional<Long> inserted = jdbc.sql("""
                        insert into ledger.transaction (idempotency_key, kind, description, fingerprint, reverses_id,
                            posted_by)
                        values (:key, :kind, :description, :fingerprint, :reverses, :actor)
                        on conflict do nothing returning id
                        """)
                .param("key", key).param("kind", kind).param("description", description == null ? "" : description)
                .param("fingerprint", fingerprint).param("reverses", reverses).param("actor", actor)
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            return replay(key, fingerprint, reverses);
        }
        long transactionId = inserted.get();
        List<Account> ordered = accounts.values().stream().sorted(Comparator.comparingLong(Account::id)).toList();
        for (Account account : ordered) {
            BigDecimal amount = byAccount.get(account.code());
            if (amount.signum() == 0) {
                continue;
            }
            BigDecimal after = jdbc.sql("update ledger.account set balance = balance + :amount where id = :id"
                            + " returning balance")
                    .param("amount", amount).param("id", account.id()).query(BigDecimal.class).single();
            jdbc.sql("""
                            insert into ledger.posting (transaction_id, account_id, amount, balance_after)
                            values (:tx, :account, :amount, :after)
                            """).param("tx", transactionId).param("account", account.id()).param("amount", amount)
                    .param("after", after).update();
        }
        return load(transactionId, false).orElseThrow();
    }

    private boolean keyUsed(String key) {
        return jdbc.sql("select exists (select 1 from ledger.transaction where idempotency_key = :key)")
                .param("key", key).query(Boolean.class).single();
    }

    private LedgerTransaction replay(String key, String fingerprint, Long reverses) {
        record Existing(long id, String fingerprint, Long reverses) {
        }
        Optional<Existing> existing = jdbc.sql("select id, fingerprint, reverses_id from ledger.transaction"
                        + " where idempotency_key = :key").param("key", key)
                .query((rs, i) -> new Existing(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).optional();
        if (existing.isEmpty()) {
            // the insert conflicted on reverses_id: the transaction was reversed under another key
            throw new LedgerRefusal(Reason.NOT_REVERSIBLE, String.valueOf(reverses));
        }
        if (!existing.get().fingerprint().equals(fingerprint)) {
            throw new LedgerRefusal(Reason.KEY_REUSED, key);
        }
        return load(existing.get().id(), true).orElseThrow();
    }

    @Override
    public LedgerTransaction reverse(long transactionId, String idempotencyKey, String description, String actor) {
        return transactions.execute(status -> {
            LedgerTransaction original = load(transactionId, false)
                    .orElseThrow(() -> new LedgerRefusal(Reason.NOT_REVERSIBLE, Long.toString(transactionId)));
            boolean reversed = jdbc.sql("select exists (select 1 from ledger.transaction where reverses_id = :id)")
                    .param("id", transactionId).query(Boolean.class).single();
            if (original.reversesId() != null || (reversed && !keyUsed(idempotencyKey))) {
                throw new LedgerRefusal(Reason.NOT_REVERSIBLE, Long.toString(transactionId));
            }
            List<Posting> mirror = original.lines().stream()
                    .map(l -> new Posting(l.accountCode(), l.amount().negate())).toList();
            return post(idempotencyKey, "REVERSAL", description, mirror, actor, transactionId);
        });
    }

    @Override
    public BigDecimal balance(String code) {
        return balances(List.of(code)).getOrDefault(code, BigDecimal.ZERO.setScale(2));
    }

    @Override
    public Map<String, BigDecimal> balances(Collection<String> codes) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        accounts(codes, false).forEach((code, account) -> balances.put(code, account.balance()));
        return balances;
    }

    @Override
    public BigDecimal balanceBefore(String code, Instant instant) {
        return jdbc.sql("""
                        select p.balance_after from ledger.posting p join ledger.account a on a.id = p.account_id
                        join ledger.transaction t on t.id = p.transaction_id
                        where a.code = :code and t.posted_at < :at order by p.id desc limit 1
                        """).param("code", code).param("at", OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC))
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO.setScale(2));
    }

    @Override
    public List<AccountLine> lines(String code, Instant from, Instant to) {
        return jdbc.sql("""
                        select t.id, t.idempotency_key, t.kind, t.description, p.amount, p.balance_after,
                               t.reverses_id, t.posted_at
                        from ledger.posting p join ledger.account a on a.id = p.account_id
                        join ledger.transaction t on t.id = p.transaction_id
                        where a.code = :code and t.posted_at >= :from and t.posted_at < :to order by p.id
                        """).param("code", code)
                .param("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .query((rs, i) -> new AccountLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), (Long) rs.getObject(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public Optional<LedgerTransaction> findByKey(String idempotencyKey) {
        return jdbc.sql("select id from ledger.transaction where idempotency_key = :key").param("key", idempotencyKey)
                .query(Long.class).optional().flatMap(id -> load(id, false));
    }

    private Optional<LedgerTransaction> load(long id, boolean replayed) {
        List<PostedLine> lines = jdbc.sql("""
                        select a.code, p.amount, p.balance_after from ledger.posting p
                        join ledger.account a on a.id = p.account_id where p.transaction_id = :id order by p.id
                        """).param("id", id)
                .query((rs, i) -> new PostedLine(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        return jdbc.sql("select id, idempotency_key, kind, description, reverses_id, posted_at, posted_by"
                        + " from ledger.transaction where id = :id").param("id", id)
                .query((rs, i) -> transaction(rs, lines, replayed)).optional();
    }

    private static LedgerTransaction transaction(ResultSet rs, List<PostedLine> lines, boolean replayed)
            throws SQLException {
        return new LedgerTransaction(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
                rs.getString("description"), lines, (Long) rs.getObject("reverses_id"),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(), rs.getString("posted_by"), replayed);
    }

    private Map<String, Account> accounts(Collection<String> codes, boolean lock) {
        Map<String, Account> found = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, code, unit, allow_negative, balance from ledger.account where code in (:codes)"
                        + " order by id" + (lock ? " for update" : ""))
                .param("codes", codes)
                .query((rs, i) -> found.put(rs.getString("code"), new Account(rs.getLong("id"), rs.getString("code"),
                        LedgerUnit.valueOf(rs.getString("unit")), rs.getBoolean("allow_negative"),
                        rs.getBigDecimal("balance")))).list();
        return found;
    }

    private static void requireBalanced(List<Posting> postings) {
        if (postings == null || postings.size() < 2) {
            throw new LedgerRefusal(Reason.UNBALANCED, "fewer than two postings");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Posting p : postings) {
            if (p.amount() == null || p.amount().signum() == 0 || p.amount().stripTrailingZeros().scale() > 2) {
                throw new LedgerRefusal(Reason.UNBALANCED, p.accountCode());
            }
            total = total.add(p.amount());
        }
        if (total.signum() != 0) {
            throw new LedgerRefusal(Reason.UNBALANCED, "sum " + total);
        }
    }

    private static String fingerprint(String kind, Map<String, BigDecimal> byAccount) {
        String canonical = kind + "|" + byAccount.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(";"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
