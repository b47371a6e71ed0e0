package org.yilaoyixiao.registry.internal;

import org.springframework.security.core.Authentication;
import org.yilaoyixiao.registry.RegistryPermissions;

/** Whether the caller may see full ID numbers (in an import's error report). */
final class ImportPermissions {

    private ImportPermissions() {
    }

    static boolean mayRevealIdNumbers(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> RegistryPermissions.REVEAL_ID.equals(a.getAuthority()));
    }
}
