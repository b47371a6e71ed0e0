package org.yilaoyixiao.funds;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Who may see and act on custody accounts. Institution operators get nothing yet: an account is not tied to one
 * institution on this platform, and a division scope would show them their competitors' money (decision 0028).
 * Bureau staff must belong to civil affairs (checked in the service, since the bureau is not an authority).
 */
@Component
public class FundsPermissions implements PermissionCatalog {

    public static final String READ = "funds.accounts.read";
    public static final String MANAGE = "funds.accounts.manage";
    public static final String FEED = "funds.feed.push";
    public static final String RELEASE = "funds.holds.release";
    public static final String REVEAL = "funds.account-number.reveal";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.AUDITOR),
                PermissionGrant.of(MANAGE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(FEED, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(RELEASE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF),
                PermissionGrant.of(REVEAL, Role.COUNTY_ADMIN, Role.BUREAU_STAFF));
    }
}
