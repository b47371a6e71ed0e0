package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time bank's local rules ({@code yly.timebank.*}, decision 0030). The plan sets none of them; the defaults are
 * local choices a county changes by configuration.
 *
 * @param maxHoursPerCredit          most hours one verified service may earn
 * @param maxBalanceHours            most hours one account may hold (credits and transfers beyond it are refused)
 * @param expiryMonths               hours not spent within this many months of being received expire (oldest first)
 * @param regularParticipationShare  the share of a term's sessions an elder must attend to count as a regular
 *                                   participant for indicator I17 (0.5 = at least half)
 * @param elderAge                   the age from which a person counts as an elder for I17, I18 and the talent base
 */
@ConfigurationProperties("yly.timebank")
record TimeBankSettings(BigDecimal maxHoursPerCredit, BigDecimal maxBalanceHours, Integer expiryMonths,
                        BigDecimal regularParticipationShare, Integer elderAge) {

    TimeBankSettings {
        maxHoursPerCredit = maxHoursPerCredit == null ? new BigDecimal("8") : maxHoursPerCredit;
        maxBalanceHours = maxBalanceHours == null ? new BigDecimal("1000") : maxBalanceHours;
        expiryMonths = expiryMonths == null ? 36 : expiryMonths;
        regularParticipationShare = regularParticipationShare == null ? new BigDecimal("0.5")
                : regularParticipationShare;
        elderAge = elderAge == null ? 60 : elderAge;
    }
}
