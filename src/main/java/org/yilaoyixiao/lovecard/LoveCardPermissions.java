package org.yilaoyixiao.lovecard;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may see love cards and who may put money on them; always within the user's data scope. */
@Component
public class LoveCardPermissions implements PermissionCatalog {

    public static final String READ = "lovecard.cards.read";
    public static final String FUND = "lovecard.cards.fund";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.AUDITOR),
                PermissionGrant.of(FUND, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF));
    }
}
