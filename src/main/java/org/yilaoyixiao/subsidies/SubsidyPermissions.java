package org.yilaoyixiao.subsidies;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Quotes for everyone at work; runs are prepared and approved by county-level staff (maker-checker: never the same
 * person for one run); lines and payment lists are read within one's scope.
 */
@Component
public class SubsidyPermissions implements PermissionCatalog {

    public static final String QUOTE = "subsidies.quotes.use";
    public static final String READ = "subsidies.runs.read";
    public static final String PREPARE = "subsidies.runs.prepare";
    public static final String APPROVE = "subsidies.runs.approve";
    /**
     * Read the payment list finance pays from: full ID numbers and payee accounts. Bureau staff only, and further
     * limited to the county level and to the programmes their bureau pays (checked in the service layer).
     */
    public static final String PAY = "subsidies.payment-lists.pay";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(QUOTE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.INSTITUTION_OPERATOR, Role.AUDITOR),
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.AUDITOR),
                PermissionGrant.of(PREPARE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(APPROVE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(PAY, Role.BUREAU_STAFF));
    }
}
