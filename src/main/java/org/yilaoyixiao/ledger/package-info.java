/**
 * 账本 ledger: double-entry accounts and transactions for money and service hours. Every transaction balances, every
 * command carries an idempotency key, balances are derived from postings (and cached with a guard), mistakes are
 * reversed, never deleted. Used by the love card (wallets per funding source) and the time bank.
 */
package org.yilaoyixiao.ledger;
