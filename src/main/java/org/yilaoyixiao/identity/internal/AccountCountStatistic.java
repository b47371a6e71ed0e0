package org.yilaoyixiao.identity.internal;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionStatistic;

/** Active accounts per division, for the division tree on the home page. */
@Component
class AccountCountStatistic implements DivisionStatistic {

    private final UserAccountRepository accounts;

    AccountCountStatistic(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String labelKey() {
        return "home.statistic.accounts";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Map<String, Long> countByDivision(Set<String> divisionCodes) {
        return accounts.countByDivision(divisionCodes);
    }
}
