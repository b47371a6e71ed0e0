package org.yilaoyixiao.ledger;

/** What an account counts: yuan (to the fen) or service hours (to the hundredth). One transaction, one unit. */
public enum LedgerUnit {
    CNY,
    HOUR
}
