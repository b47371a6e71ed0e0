/**
 * Planning (规划项目库): the plan's construction projects (附件1) with their progress, its policies, pilots and reforms
 * (附件2–4). A completed project's beds or places become facility capacity through
 * {@link org.yilaoyixiao.facilities.FacilityCapacity}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning 规划项目库")
package org.yilaoyixiao.planning;
