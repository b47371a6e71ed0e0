/**
 * Placement (安置): admitting elders to institution beds and family care beds (家庭养老照护床位) with discharges and
 * transfers kept as history, and enrolling infants in childcare classes within the national class rules, the class
 * size and the provider's approved slots. Facilities come from {@link org.yilaoyixiao.facilities.FacilityDirectory},
 * people from {@link org.yilaoyixiao.registry.PersonDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Placement 安置")
package org.yilaoyixiao.placement;
