package org.yilaoyixiao.services;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Who may see the menu and orders, take orders, do the service, supervise, and manage butler teams; always further
 * limited to the user's data scope (the elder's residence for orders).
 */
@Component
public class ServicesPermissions implements PermissionCatalog {

    public static final String MENU_READ = "services.menu.read";
    /** Add items to the menu and change their prices (future orders only). */
    public static final String MENU_MANAGE = "services.menu.manage";
    public static final String ORDERS_READ = "services.orders.read";
    /** Take orders, dispatch, cancel before service, record evaluations. */
    public static final String ORDERS_MANAGE = "services.orders.manage";
    /** Accept, check in and check out (butlers; providers' operators; centre staff on their behalf). */
    public static final String ORDERS_WORK = "services.orders.work";
    /** Spot checks, complaints, rework, voiding a completed order. */
    public static final String ORDERS_SUPERVISE = "services.orders.supervise";
    public static final String BUTLERS_MANAGE = "services.butlers.manage";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(MENU_READ, Role.values()),
                PermissionGrant.of(MENU_MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(ORDERS_READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF,
                        Role.BUTLER, Role.INSTITUTION_OPERATOR, Role.AUDITOR),
                PermissionGrant.of(ORDERS_MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF,
                        Role.BUTLER),
                PermissionGrant.of(ORDERS_WORK, Role.COUNTY_ADMIN, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.INSTITUTION_OPERATOR),
                PermissionGrant.of(ORDERS_SUPERVISE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(BUTLERS_MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF));
    }
}
