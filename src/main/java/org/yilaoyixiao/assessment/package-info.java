/**
 * Assessment (能力评估): the elderly capability assessment of GB/T 42195-2022 《老年人能力评估规范》 — the 26 items of
 * Appendix B scored as pure rules ({@link org.yilaoyixiao.assessment.CapabilityScoring}), the initial level from the
 * total and the final level after the level changes of C.4.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment 能力评估")
package org.yilaoyixiao.assessment;
