package org.yilaoyixiao.timebank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.timebank.TimeBankFixtures;
import tools.jackson.databind.ObjectMapper;

/**
 * The ledger's properties for hours, through the time bank: seeded random sequences of credits (confirmed activities),
 * transfers, donations, spends in other villages, replays of earlier commands and second credits of a service,
 * checked after every step against a plain model — no account below zero, every hour transaction balances and all
 * hour accounts together sum to zero, a replay changes nothing, a service is credited once. A failure names its seed.
 * (Seeded generation rather than jqwik, as in the ledger's own LedgerPropertiesTest; decision 0026.)
 */
@PlatformTest
class TimeBankPropertiesTest {

    private static final int STEPS = 24;
    private static final int PEOPLE = 3;
    private static final String VILLAGE = PlacementFixtures.VILLAGE;
    private static final String OTHER_VILLAGE = "331121106";

    @Autowired
    TimeBank timeBank;

    @Autowired
    Engagement engagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    CurrentUser organiser;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 12).boxed();
    }

    @BeforeEach
    void organiser() {
        organiser = new CurrentUser(0, PlatformTest.ADMIN, "admin", Set.of(Role.COUNTY_ADMIN), PlatformTest.COUNTY,
                null);
    }

    private sealed interface Command permits Credit, Move {
    }

    private record Credit(long activity, long person, BigDecimal hours) implements Command {
    }

    private record Move(String key, long from, Long to, BigDecimal hours, String kind) implements Command {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noAccountGoesNegativeEveryTransactionBalancesAndReplaysChangeNothing(long seed) throws Exception {
        Random random = new Random(seed);
        TimeBankFixtures fx = new TimeBankFixtures(mvc, json);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(fx.volunteer("性质" + seed + "-" + i, 55 + random.nextInt(30), VILLAGE));
        }
        Map<Long, BigDecimal> model = new HashMap<>();
        people.forEach(p -> model.put(p, BigDecimal.ZERO));
        List<Command> done = new ArrayList<>();
        String prefix = "prop-hours:" + UUID.randomUUID() + ":";

        for (int step = 0; step < STEPS; step++) {
            String at = "seed " + seed + " step " + step;
            int choice = random.nextInt(10);
            long person = people.get(random.nextInt(PEOPLE));
            BigDecimal hours = BigDecimal.valueOf(25 + random.nextInt(400), 2);
            if (choice < 2 && !done.isEmpty()) {
                Command earlier = done.get(random.nextInt(done.size()));
                Map<Long, BigDecimal> before = balances(people);
                replay(earlier, at);
                assertThat(balances(people)).as(at + " replay of " + earlier).isEqualTo(before);
            } else if (choice < 5) {
                long activity = engagement.createActivity("性质测试活动", VILLAGE, LocalDate.now().minusDays(1), null,
                        organiser).id();
                engagement.addParticipant(activity, person, hours, organiser);
                assertThat(engagement.confirm(activity, organiser).replayed()).isFalse();
                model.merge(person, hours, BigDecimal::add);
                done.add(new Credit(activity, person, hours));
            } else {
                boolean spend = choice >= 8;
                Long to = spend ? null : people.get(random.nextInt(PEOPLE));
                if (to != null && to == person) {
                    continue;
                }
                Move move = new Move(prefix + step, person, to, hours,
                        spend ? "SPEND" : random.nextBoolean() ? "TRANSFER" : "DONATION");
                boolean overdraft = model.get(person).compareTo(hours) < 0;
                try {
                    apply(move);
                    assertThat(overdraft).as(at + " an overdraft must be refused: " + move).isFalse();
                    model.merge(person, hours.negate(), BigDecimal::add);
                    if (to != null) {
                        model.merge(to, hours, BigDecimal::add);
                    }
                    done.add(move);
                } catch (ApiException refusal) {
                    assertThat(overdraft).as(at + " refused without reason: " + move).isTrue();
                    assertThat(refusal.detailKey()).isEqualTo("timebank.balance.insufficient");
                }
            }
            Map<Long, BigDecimal> actual = balances(people);
            model.forEach((p, expected) -> {
                assertThat(actual.get(p)).as(at + " person " + p).isEqualByComparingTo(expected);
                assertThat(actual.get(p).signum()).as(at + " person " + p).isNotNegative();
            });
        }
        assertThat(jdbc.sql("""
                        select count(*) from (select p.transaction_id from ledger.posting p
                            join ledger.account a on a.id = p.account_id where a.unit = 'HOUR'
                            group by p.transaction_id having sum(p.amount) <> 0) unbalanced
                        """).query(Long.class).single()).as("every hour transaction balances").isZero();
        assertThat(jdbc.sql("select coalesce(sum(balance), 0) from ledger.account where unit = 'HOUR'")
                .query(BigDecimal.class).single()).as("debits equal credits").isEqualByComparingTo("0");
        for (long p : people) {
            TimeBank.Account account = timeBank.account(p);
            assertThat(account.earned().subtract(account.spent())).isEqualByComparingTo(account.balanceHours());
        }
    }

    private void apply(Move move) {
        if (move.to() == null) {
            timeBank.spend(move.from(), move.hours(), OTHER_VILLAGE, "兑换助洁", null, move.key(), organiser);
        } else {
            timeBank.transfer(move.from(), move.to(), move.hours(), move.kind(), null, null, move.key(), organiser);
        }
    }

    /** Sends an earlier command again: a replay, or for a service a refusal to credit it a second time. */
    private void replay(Command earlier, String at) {
        if (earlier instanceof Credit c) {
            assertThat(engagement.confirm(c.activity(), organiser).replayed()).as(at).isTrue();
            String ref = TimeBank.activityRef(c.activity(), c.person());
            assertThatThrownBy(() -> timeBank.credit(c.person(), c.hours(), "ACTIVITY", ref,
                    UUID.randomUUID().toString(), organiser)).as(at).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).detailKey()).isEqualTo("timebank.source.credited");
        } else {
            Move m = (Move) earlier;
            TimeBank.MovementResult result = m.to() == null
                    ? timeBank.spend(m.from(), m.hours(), OTHER_VILLAGE, "兑换助洁", null, m.key(), organiser)
                    : timeBank.transfer(m.from(), m.to(), m.hours(), m.kind(), null, null, m.key(), organiser);
            assertThat(result.replayed()).as(at).isTrue();
        }
    }

    private Map<Long, BigDecimal> balances(List<Long> people) {
        Map<Long, BigDecimal> balances = new HashMap<>();
        people.forEach(p -> balances.put(p, timeBank.balance(p)));
        return balances;
    }
}
