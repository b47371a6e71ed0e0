package org.yilaoyixiao.lovecard.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yilaoyixiao.lovecard.FundingSource;

/**
 * The love card's local rules ({@code yly.lovecard.*}): where the pilot runs, who qualifies, and how a payment is
 * split over the purses. Defaults follow the plan (pilots in 鹤城街道 and 腊口镇); the thresholds are local choices
 * (decision 0025).
 *
 * @param pilotDivisions     divisions (with their subtrees) where cards are issued
 * @param minCapabilityLevel the GB/T 42195-2022 level from which an elder counts as 失能/失智 for the card
 * @param minAge             the age from which an elder qualifies by age alone (高龄)
 * @param spendingRule       how a payment is split over the purses
 * @param sourceOrder        for {@link SpendingRule#FIXED_ORDER}: the purse used first, second, …
 */
@ConfigurationProperties("yly.lovecard")
record LoveCardSettings(List<String> pilotDivisions, Integer minCapabilityLevel, Integer minAge,
                        SpendingRule spendingRule, List<FundingSource> sourceOrder) {

    LoveCardSettings {
        pilotDivisions = pilotDivisions == null || pilotDivisions.isEmpty()
                ? List.of("331121001", "331121106") : List.copyOf(pilotDivisions);
        minCapabilityLevel = minCapabilityLevel == null ? 1 : minCapabilityLevel;
        minAge = minAge == null ? 80 : minAge;
        spendingRule = spendingRule == null ? SpendingRule.FIXED_ORDER : spendingRule;
        sourceOrder = sourceOrder == null || sourceOrder.isEmpty()
                ? List.of(FundingSource.GOVERNMENT, FundingSource.COLLECTIVE, FundingSource.DONATION,
                        FundingSource.FAMILY)
                : List.copyOf(sourceOrder);
    }
}
