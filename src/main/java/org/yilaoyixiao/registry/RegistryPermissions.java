package org.yilaoyixiao.registry;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Who may do what with people's records; always further limited to the user's data scope. */
@Component
public class RegistryPermissions implements PermissionCatalog {

    public static final String READ = "registry.persons.read";
    public static final String WRITE = "registry.persons.write";
    /** See a full ID number (audited every time). */
    public static final String REVEAL_ID = "registry.persons.reveal-id";
    public static final String IMPORT = "registry.persons.import";
    public static final String EXPORT = "registry.persons.export";
    /**
     * See records of children under 14, whose personal information is sensitive as a whole (PIPL Art. 28, 31).
     * Care butlers and institution operators work with elders and do not need it.
     */
    public static final String READ_CHILDREN = "registry.children.read";

    private static final List<PermissionGrant> GRANTS = List.of(
                PermissionGrant.of(READ, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF, Role.BUTLER,
                        Role.AUDITOR),
                PermissionGrant.of(WRITE, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(REVEAL_ID, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(IMPORT, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(EXPORT, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF),
                PermissionGrant.of(READ_CHILDREN, Role.COUNTY_ADMIN, Role.BUREAU_STAFF, Role.TOWNSHIP_STAFF,
                        Role.AUDITOR));

    @Override
    public Collection<PermissionGrant> grants() {
        return GRANTS;
    }

    /** Whether one of the user's roles holds the permission (for inbox items, decided without a request). */
    public static boolean holds(CurrentUser user, String permission) {
        return GRANTS.stream().anyMatch(g -> g.permission().equals(permission)
                && g.roles().stream().anyMatch(user::hasRole));
    }
}
