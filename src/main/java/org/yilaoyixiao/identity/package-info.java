/**
 * Accounts and permissions (账号与权限): users with roles and a data scope (a division subtree), the password and
 * lockout policy, login for pages (form) and the API (HTTP Basic), and the administrators' user management.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 账号与权限")
package org.yilaoyixiao.identity;
