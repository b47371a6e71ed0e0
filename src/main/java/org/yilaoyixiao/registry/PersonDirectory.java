package org.yilaoyixiao.registry;

import java.util.Optional;

/**
 * Read access to a person's record for other modules (placement checks ages and residences). No scope check here:
 * the caller checks its own user's scope. ID numbers are only ever given masked.
 */
public interface PersonDirectory {

    Optional<PersonSummary> find(long id);
}
