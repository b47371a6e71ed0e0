/**
 * 资金监管 supervision of elderly-care institutions' prepaid funds: one custody account per institution at a bank, the
 * prepaid obligations it must cover (deposits, membership fees, prepaid fees), the bank's movements (statement import
 * and a push API), the rules run after every movement (minimum balance, large, non-designated and structured
 * outflows), holds with maker-checker release, alerts and the bureau's dashboard (decisions 0027, 0028).
 */
package org.yilaoyixiao.funds;
