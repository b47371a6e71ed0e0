package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.RegistryPermissions;

/**
 * Least privilege for children's records: without {@link RegistryPermissions#READ_CHILDREN} a user sees no one under
 * 14, neither in lists nor by number.
 */
@Component
class ChildrenVisibility {

    private final CurrentUsers currentUsers;
    private final Clock clock;

    ChildrenVisibility(CurrentUsers currentUsers, Clock clock) {
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** Empty when the user may see children; otherwise the latest birth date they may see. */
    Optional<LocalDate> bornOnOrBefore() {
        if (currentUsers.has(RegistryPermissions.READ_CHILDREN)) {
            return Optional.empty();
        }
        return Optional.of(BusinessTime.today(clock).minusYears(PersonRelations.GUARDIAN_CONSENT_AGE));
    }

    boolean mayRead(LocalDate birthDate) {
        return bornOnOrBefore().map(cut -> !birthDate.isAfter(cut)).orElse(true);
    }
}
