/**
 * Subsidies (补贴): the plan's subsidy programmes as named rules that explain themselves (quotes: "how much, and
 * why?"), and the monthly payment cycle on top of them — set-based runs, dynamic management change lists,
 * adjustments after approval, maker-checker approval and payment lists. Rates come from
 * {@link org.yilaoyixiao.policy.PolicyParameters}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidies 补贴")
package org.yilaoyixiao.subsidies;
