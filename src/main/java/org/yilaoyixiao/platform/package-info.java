/**
 * Shared kernel: database bootstrap, clock, API conventions (paging, problem responses), the role and permission
 * vocabulary every module declares against, and the web shell's cross-cutting configuration.
 * <p>
 * It is an open module because every capability module builds on these few types; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yilaoyixiao.platform;
