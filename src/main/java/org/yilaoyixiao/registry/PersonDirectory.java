package org.yilaoyixiao.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a person's record for other modules (placement checks ages and residences). No scope check here:
 * the caller checks its own user's scope. ID numbers are only ever given masked.
 */
public interface PersonDirectory {

    Optional<PersonSummary> find(long id);

    /** The person with this resident ID number (any case of a final x), found through the blind index. */
    Optional<PersonSummary> findByIdNumber(String idNumber);

    /**
     * Active synthetic (demo) people born from {@code from} to {@code to} inclusive, oldest first, at most
     * {@code limit}: for other modules' demo data, which must only ever involve synthetic people.
     */
    List<PersonSummary> syntheticPeopleBornBetween(LocalDate from, LocalDate to, int limit);
}
