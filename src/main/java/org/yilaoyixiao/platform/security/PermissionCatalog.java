package org.yilaoyixiao.platform.security;

import java.util.Collection;

/**
 * Each module declares its own permissions as a bean of this type; the identity module grants them to users by role
 * at login. A new module adds permissions without touching any other.
 */
public interface PermissionCatalog {

    Collection<PermissionGrant> grants();
}
