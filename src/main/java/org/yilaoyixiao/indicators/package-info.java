/**
 * Indicators (监测指标): the plan's 19 table indicators and its text-only targets as reference data; actuals computed
 * from the other modules' published views or reported by the responsible unit; statistics inputs; per-division status
 * against the straight path from the 2022 baseline to the 2025 target; the county leaders' dashboard.
 * <p>
 * Another module supplies the actual of an indicator that is reported today (visits → I07, education → I17,
 * volunteers → I18) by publishing an {@link org.yilaoyixiao.indicators.IndicatorSource} bean; nothing here changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators 监测指标")
package org.yilaoyixiao.indicators;
