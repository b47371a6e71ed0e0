package org.yilaoyixiao.lovecard.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yilaoyixiao.lovecard.FundingSource;

/**
 * The love card's local settings ({@code yly.lovecard.*}): where the pilot runs and how a payment is split over the
 * purses. Defaults follow the plan (pilots in 鹤城街道 and 腊口镇). Who qualifies is policy, not a setting: the dated
 * parameters {@code love-card.min-capability-level} and {@code love-card.min-age} ({@link LoveCardThresholds}).
 *
 * @param pilotDivisions     divisions (with their subtrees) where cards are issued
 * @param spendingRule       how a payment is split over the purses
 * @param sourceOrder        for {@link SpendingRule#FIXED_ORDER}: the purse used first, second, …
 */
@ConfigurationProperties("yly.lovecard")
record LoveCardSettings(List<String> pilotDivisions, SpendingRule spendingRule, List<FundingSource> sourceOrder) {

    LoveCardSettings {
        pilotDivisions = pilotDivisions == null || pilotDivisions.isEmpty()
                ? List.of("331121001", "331121106") : List.copyOf(pilotDivisions);
        spendingRule = spendingRule == null ? SpendingRule.FIXED_ORDER : spendingRule;
        sourceOrder = sourceOrder == null || sourceOrder.isEmpty()
                ? List.of(FundingSource.GOVERNMENT, FundingSource.COLLECTIVE, FundingSource.DONATION,
                        FundingSource.FAMILY)
                : List.copyOf(sourceOrder);
    }
}
