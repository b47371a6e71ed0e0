/**
 * 爱心卡 love card: a wallet per elder in the pilot areas, funded from four purses (government, village collective,
 * donations, family) and spent on 养老管家 services when an order completes, with refunds when it is cancelled. The
 * money itself is in the {@code ledger}; this module keeps the rules, the references and the statements.
 */
package org.yilaoyixiao.lovecard;
