package org.yilaoyixiao.identity.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.PermissionCatalog;
import org.yilaoyixiao.platform.security.PermissionGrant;
import org.yilaoyixiao.platform.security.Role;

/** Gathers every module's permission catalog and turns a user's roles into granted authorities. */
@Component
class RoleAuthorities {

    private final Map<Role, Set<String>> permissionsByRole = new EnumMap<>(Role.class);

    RoleAuthorities(List<PermissionCatalog> catalogs) {
        for (Role role : Role.values()) {
            permissionsByRole.put(role, new TreeSet<>());
        }
        for (PermissionCatalog catalog : catalogs) {
            for (PermissionGrant grant : catalog.grants()) {
                grant.roles().forEach(role -> permissionsByRole.get(role).add(grant.permission()));
            }
        }
    }

    List<GrantedAuthority> authoritiesOf(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        for (Role role : roles) {
            names.add(role.authority());
            names.addAll(permissionsByRole.get(role));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        names.forEach(name -> authorities.add(new SimpleGrantedAuthority(name)));
        return authorities;
    }

    Set<String> permissionsOf(Role role) {
        return Set.copyOf(permissionsByRole.get(role));
    }
}
