/**
 * 时间银行与老年参与 time bank and elder engagement: volunteers of any age (with consent, skills and availability),
 * village elderly associations (老年协会) and volunteer teams, the elderly talent database (老年人才信息库), activities
 * confirmed by their organiser, and elderly education (courses, enrolments, attendance). Service hours are earned for
 * verified service only (a completed service order, a recorded visit, a confirmed activity), once per service, and
 * held in the {@code ledger} as accounts of unit HOUR; they are transferred, donated to family, spent in any village
 * (通存通兑), operated by an organiser for an elder without a phone (proxy mode, audited) and expire by a parameter.
 * Indicators I17 (regular participation in education) and I18 (registered elder volunteers) are computed here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Time bank 时间银行与老年参与")
package org.yilaoyixiao.timebank;
