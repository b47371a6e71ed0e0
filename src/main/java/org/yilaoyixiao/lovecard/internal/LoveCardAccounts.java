package org.yilaoyixiao.lovecard.internal;

import java.util.Arrays;
import java.util.List;
import org.yilaoyixiao.lovecard.FundingSource;

/**
 * The ledger accounts of the love card. A card's purse holds what that source put in and is not yet spent; a funder
 * account goes negative by what its source has given; the services account collects what was paid for services.
 * Together they always sum to zero.
 */
final class LoveCardAccounts {

    static final String SERVICES = "lovecard:services";

    private LoveCardAccounts() {
    }

    static String purse(long personId, FundingSource source) {
        return "lovecard:" + personId + ":" + source.name();
    }

    static List<String> purses(long personId) {
        return Arrays.stream(FundingSource.values()).map(s -> purse(personId, s)).toList();
    }

    static String funder(FundingSource source) {
        return "lovecard:funder:" + source.name();
    }
}
