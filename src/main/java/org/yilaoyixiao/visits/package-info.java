/**
 * Visits (探访关爱): the monthly visits to special-difficulty elders of 青民〔2022〕102号 — the target population by rule
 * from the registry and assessment, risk tiers and cadence as dated parameters, monthly plans assigned to visitors by
 * village, visits recorded in the field (with an idempotency key so that a phone retrying after a dropped network
 * records a visit once), findings that raise a service need or an urgent alert, and the monthly visit rate by
 * division that feeds indicator I07 ({@link org.yilaoyixiao.visits.VisitRates}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Visits 探访关爱")
package org.yilaoyixiao.visits;
