/**
 * Facilities (设施): elderly-care institutions with their beds, community care centres, childcare providers with their
 * classes, and the staff of institutions and providers with their certificates. Other modules (placement) look
 * facilities up through {@link org.yilaoyixiao.facilities.FacilityDirectory} and check childcare class limits with
 * {@link org.yilaoyixiao.facilities.ChildcareClassRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Facilities 设施")
package org.yilaoyixiao.facilities;
