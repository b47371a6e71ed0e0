package org.yilaoyixiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class LedgerTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final String prefix = "test:" + UUID.randomUUID() + ":";

    private String open(String name, boolean allowNegative) {
        ledger.open(prefix + name, LedgerUnit.CNY, allowNegative);
        return prefix + name;
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }

    private LedgerTransaction move(String key, String from, String to, String amount) {
        return ledger.post(prefix + key, "TEST", "", List.of(new Posting(from, yuan(amount).negate()),
                new Posting(to, yuan(amount))), "tester");
    }

    @Test
    void postsBalancedTransactionsOnceAndKeepsBalances() {
        String funder = open("funder", true);
        String wallet = open("wallet", false);
        LedgerTransaction first = move("top-up-1", funder, wallet, "100.50");
        assertThat(first.replayed()).isFalse();
        assertThat(first.lines()).extracting(PostedLine::balanceAfter).containsExactlyInAnyOrder(yuan("-100.50"),
                yuan("100.50"));
        LedgerTransaction again = move("top-up-1", funder, wallet, "100.50");
        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.balance(wallet)).isEqualByComparingTo("100.50");
        assertThat(ledger.balance(funder)).isEqualByComparingTo("-100.50");

        assertThatThrownBy(() -> move("top-up-1", funder, wallet, "99"))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.reason())
                        .isEqualTo(LedgerRefusal.Reason.KEY_REUSED));
        assertThat(ledger.balance(wallet)).isEqualByComparingTo("100.50");
    }

    @Test
    void refusesUnbalancedPostingsAndOverdraftsWithNothingPosted() {
        String funder = open("funder", true);
        String wallet = open("wallet", false);
        String spent = open("spent", true);
        assertThatThrownBy(() -> ledger.post(prefix + "bad", "TEST", "", List.of(new Posting(funder, yuan("-5")),
                new Posting(wallet, yuan("4"))), "tester"))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.reason())
                        .isEqualTo(LedgerRefusal.Reason.UNBALANCED));
        assertThatThrownBy(() -> ledger.post(prefix + "fen", "TEST", "", List.of(new Posting(funder, yuan("-0.001")),
                new Posting(wallet, yuan("0.001"))), "tester")).isInstanceOf(LedgerRefusal.class);
        move("in", funder, wallet, "10");
        assertThatThrownBy(() -> move("out", wallet, spent, "10.01"))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(LedgerRefusal.Reason.INSUFFICIENT_BALANCE);
                    assertThat(r.subject()).isEqualTo(wallet);
                });
        assertThat(ledger.findByKey(prefix + "out")).isEmpty();
        assertThat(ledger.balance(wallet)).isEqualByComparingTo("10");
        assertThatThrownBy(() -> move("nowhere", wallet, prefix + "not-open", "1"))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.reason())
                        .isEqualTo(LedgerRefusal.Reason.UNKNOWN_ACCOUNT));
    }

    @Test
    void aMistakeIsReversedOnceAndNeverDeleted() {
        String funder = open("funder", true);
        String wallet = open("wallet", false);
        LedgerTransaction wrong = move("wrong", funder, wallet, "30");
        LedgerTransaction reversal = ledger.reverse(wrong.id(), prefix + "undo", "typed 30 instead of 3", "tester");
        assertThat(reversal.reversesId()).isEqualTo(wrong.id());
        assertThat(ledger.balance(wallet)).isEqualByComparingTo("0");
        assertThat(ledger.reverse(wrong.id(), prefix + "undo", "again", "tester").replayed()).isTrue();
        assertThatThrownBy(() -> ledger.reverse(wrong.id(), prefix + "undo-2", "twice", "tester"))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.reason())
                        .isEqualTo(LedgerRefusal.Reason.NOT_REVERSIBLE));
        assertThat(ledger.lines(wallet, Instant.EPOCH, Instant.now().plusSeconds(60))).hasSize(2);

        assertThatThrownBy(() -> jdbc.sql("delete from ledger.posting where transaction_id = :id")
                .param("id", wrong.id()).update()).hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("update ledger.transaction set description = 'x' where id = :id")
                .param("id", wrong.id()).update()).hasMessageContaining("never changed or deleted");
    }

    @Test
    void theDatabaseRefusesAnUnbalancedTransactionWrittenAroundTheCode() {
        String funder = open("funder", true);
        String wallet = open("wallet", false);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            long tx = jdbc.sql("insert into ledger.transaction (idempotency_key, kind, fingerprint, posted_by)"
                    + " values (:k, 'RAW', 'x', 'sql') returning id").param("k", prefix + "raw").query(Long.class)
                    .single();
            jdbc.sql("insert into ledger.posting (transaction_id, account_id, amount, balance_after)"
                            + " select :tx, id, 5, 5 from ledger.account where code = :code")
                    .param("tx", tx).param("code", wallet).update();
        })).rootCause().hasMessageContaining("does not balance");
        assertThat(ledger.findByKey(prefix + "raw")).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("update ledger.account set balance = -1 where code = :code")
                .param("code", wallet).update()).hasMessageContaining("check");
        assertThat(ledger.balance(funder)).isEqualByComparingTo("0");
    }

    @Test
    void twoParallelSpendsOfTheLastBalanceExactlyOneSucceeds() throws Exception {
        String funder = open("funder", true);
        String wallet = open("wallet", false);
        String spent = open("spent", true);
        move("in", funder, wallet, "50");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> spends = List.of(spend(start, wallet, spent, "a"), spend(start, wallet, spent, "b"));
            List<Future<Boolean>> results = spends.stream().map(pool::submit).toList();
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.balance(wallet)).isEqualByComparingTo("0");
        assertThat(ledger.balance(spent)).isEqualByComparingTo("50");
    }

    private Callable<Boolean> spend(CountDownLatch start, String wallet, String spent, String name) {
        return () -> {
            start.await();
            try {
                move("spend-" + name, wallet, spent, "50");
                return true;
            } catch (LedgerRefusal refusal) {
                assertThat(refusal.reason()).isEqualTo(LedgerRefusal.Reason.INSUFFICIENT_BALANCE);
                return false;
            }
        };
    }
}
