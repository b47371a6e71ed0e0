package org.yilaoyixiao.lovecard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.lovecard.FundingSource;

class SpendingRuleTest {

    private static final List<FundingSource> ORDER = List.of(FundingSource.GOVERNMENT, FundingSource.COLLECTIVE,
            FundingSource.DONATION, FundingSource.FAMILY);

    private static Map<FundingSource, BigDecimal> purses(String gov, String coll, String don, String fam) {
        Map<FundingSource, BigDecimal> balances = new EnumMap<>(FundingSource.class);
        balances.put(FundingSource.GOVERNMENT, new BigDecimal(gov));
        balances.put(FundingSource.COLLECTIVE, new BigDecimal(coll));
        balances.put(FundingSource.DONATION, new BigDecimal(don));
        balances.put(FundingSource.FAMILY, new BigDecimal(fam));
        return balances;
    }

    @Test
    void theFixedOrderEmptiesEachPurseBeforeTheNext() {
        Map<FundingSource, BigDecimal> parts = SpendingRule.FIXED_ORDER.split(new BigDecimal("60"),
                purses("50", "30", "0", "20"), ORDER);
        assertThat(parts).containsOnlyKeys(FundingSource.GOVERNMENT, FundingSource.COLLECTIVE);
        assertThat(parts.get(FundingSource.GOVERNMENT)).isEqualByComparingTo("50");
        assertThat(parts.get(FundingSource.COLLECTIVE)).isEqualByComparingTo("10");
        Map<FundingSource, BigDecimal> familyFirst = SpendingRule.FIXED_ORDER.split(new BigDecimal("25"),
                purses("50", "30", "0", "20"), List.of(FundingSource.FAMILY, FundingSource.GOVERNMENT));
        assertThat(familyFirst.get(FundingSource.FAMILY)).isEqualByComparingTo("20");
        assertThat(familyFirst.get(FundingSource.GOVERNMENT)).isEqualByComparingTo("5");
    }

    @Test
    void proRataSharesInProportionToTheFenAndAddsUpExactly() {
        Map<FundingSource, BigDecimal> parts = SpendingRule.PRO_RATA.split(new BigDecimal("10"),
                purses("60", "30", "0", "10"), ORDER);
        assertThat(parts.get(FundingSource.GOVERNMENT)).isEqualByComparingTo("6");
        assertThat(parts.get(FundingSource.COLLECTIVE)).isEqualByComparingTo("3");
        assertThat(parts.get(FundingSource.FAMILY)).isEqualByComparingTo("1");
        assertThat(parts).doesNotContainKey(FundingSource.DONATION);
        // 10 over three equal purses: 3.33 each and the odd fen to the first in order
        Map<FundingSource, BigDecimal> thirds = SpendingRule.PRO_RATA.split(new BigDecimal("10"),
                purses("5", "5", "5", "0"), ORDER);
        assertThat(thirds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("10");
        assertThat(thirds.get(FundingSource.GOVERNMENT)).isEqualByComparingTo("3.34");
    }

    @Test
    void neitherRuleEverTakesMoreThanAPurseHoldsAndTheyAlwaysAddUp() {
        Random random = new Random(20261129);
        for (int trial = 0; trial < 2000; trial++) {
            Map<FundingSource, BigDecimal> balances = new EnumMap<>(FundingSource.class);
            BigDecimal total = BigDecimal.ZERO;
            for (FundingSource source : FundingSource.values()) {
                BigDecimal balance = BigDecimal.valueOf(random.nextInt(3) == 0 ? 0 : random.nextInt(100_000), 2);
                balances.put(source, balance);
                total = total.add(balance);
            }
            if (total.signum() == 0) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(1 + (long) random.nextInt(total.movePointRight(2).intValueExact()),
                    2);
            for (SpendingRule rule : SpendingRule.values()) {
                Map<FundingSource, BigDecimal> parts = rule.split(amount, balances, ORDER);
                assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(rule + " trial " + trial).isEqualByComparingTo(amount);
                parts.forEach((source, part) -> {
                    assertThat(part.signum()).isPositive();
                    assertThat(part).as(rule + " " + source).isLessThanOrEqualTo(balances.get(source));
                    assertThat(part.scale()).isLessThanOrEqualTo(2);
                });
            }
        }
    }
}
