package org.yilaoyixiao.lovecard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.lovecard.FundingSource;

/** How an amount is taken from a card's purses. Both never take more from a purse than it holds. */
enum SpendingRule {

    /** Purses in a fixed order: the first until it is empty, then the next. */
    FIXED_ORDER {
        @Override
        Map<FundingSource, BigDecimal> split(BigDecimal amount, Map<FundingSource, BigDecimal> balances,
                                             List<FundingSource> order) {
            Map<FundingSource, BigDecimal> parts = new EnumMap<>(FundingSource.class);
            BigDecimal left = amount;
            for (FundingSource source : order) {
                BigDecimal take = left.min(balances.getOrDefault(source, BigDecimal.ZERO));
                if (take.signum() > 0) {
                    parts.put(source, take);
                    left = left.subtract(take);
                }
            }
            return parts;
        }
    },

    /**
     * Each purse pays in proportion to what it holds, to the fen; the fen left over by rounding down go one by one
     * to the purses with the largest remainders (ties: the given order), so the parts add up exactly.
     */
    PRO_RATA {
        @Override
        Map<FundingSource, BigDecimal> split(BigDecimal amount, Map<FundingSource, BigDecimal> balances,
                                             List<FundingSource> order) {
            BigDecimal total = balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<FundingSource, BigDecimal> parts = new EnumMap<>(FundingSource.class);
            if (total.signum() == 0) {
                return parts;
            }
            record Share(FundingSource source, BigDecimal floor, BigDecimal remainder) {
            }
            List<Share> shares = new ArrayList<>();
            BigDecimal assigned = BigDecimal.ZERO;
            for (FundingSource source : order) {
                BigDecimal balance = balances.getOrDefault(source, BigDecimal.ZERO);
                if (balance.signum() <= 0) {
                    continue;
                }
                BigDecimal exact = amount.multiply(balance).divide(total, 10, RoundingMode.DOWN);
                BigDecimal floor = exact.setScale(2, RoundingMode.DOWN);
                shares.add(new Share(source, floor, exact.subtract(floor)));
                assigned = assigned.add(floor);
            }
            int fen = amount.subtract(assigned).movePointRight(2).intValueExact();
            List<Share> byRemainder = shares.stream()
                    .sorted(Comparator.comparing(Share::remainder).reversed()).toList();
            Map<FundingSource, BigDecimal> result = new EnumMap<>(FundingSource.class);
            shares.forEach(s -> result.put(s.source(), s.floor()));
            for (int i = 0; fen > 0 && !byRemainder.isEmpty(); i = (i + 1) % byRemainder.size()) {
                FundingSource source = byRemainder.get(i).source();
                if (result.get(source).compareTo(balances.get(source)) < 0) {
                    result.put(source, result.get(source).add(new BigDecimal("0.01")));
                    fen--;
                }
            }
            result.forEach((source, part) -> {
                if (part.signum() > 0) {
                    parts.put(source, part);
                }
            });
            return parts;
        }
    };

    /**
     * The parts of {@code amount} to take from each purse; {@code amount} must not exceed the sum of the balances.
     */
    abstract Map<FundingSource, BigDecimal> split(BigDecimal amount, Map<FundingSource, BigDecimal> balances,
                                                  List<FundingSource> order);
}
