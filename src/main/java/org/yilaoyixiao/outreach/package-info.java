/**
 * 政策找人 (outreach): a scheduled scan over the registry for people who meet a programme's rules — the elderly
 * service subsidy, the love card, the childcare allowance, monthly visits — but are not enrolled; a worklist per
 * township with the reasons and the rule trace; notices by SMS or printed letter; and the outcome of each case.
 * Reads other modules only through their published views (decision 0010).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach 政策找人")
package org.yilaoyixiao.outreach;
