package org.yilaoyixiao.workspace;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/**
 * Permissions of the shell itself. {@link #EXPORT_LISTS}: downloading a list page's rows as Excel (ID numbers
 * masked, every export audited). Butlers, operators and leaders read on screen only; bulk copies of personal data
 * leave with the county and township staff who answer for them, and the auditors.
 */
@Component
public class WorkspacePermissions implements PermissionCatalog {

    public static final String EXPORT_LISTS = "workspace.lists.export";

    @Override
    public Collection<PermissionGrant> grants() {
        return List.of(PermissionGrant.of(EXPORT_LISTS, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF,
                Role.AUDITOR));
    }
}
