package org.yilaoyixiao.notifications;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who sees the in-app messages of their scope and the outbox. */
@Component
public class NotificationPermissions implements PermissionCatalog {

    public static final String READ = "notifications.messages.read";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                Role.AUDITOR));
    }
}
