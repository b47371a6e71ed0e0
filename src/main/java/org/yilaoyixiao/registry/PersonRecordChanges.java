package org.yilaoyixiao.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes to people's records reported by other authorities (household registration, social assistance), for the
 * data-exchange module. No user scope here: the caller acts for the system and names the source record in
 * {@code reference}, which goes into the audit trail so that every change can be traced to what caused it. Each method
 * joins the caller's transaction and says whether anything changed, so that a record applied twice changes nothing.
 * A refusal (an unknown division, an invalid ID number) is a {@link Refused} with a message key as the reason.
 */
public interface PersonRecordChanges {

    /** Status DECEASED with the date of death; false when that death was already recorded. */
    boolean recordDeath(long personId, LocalDate deathDate, String actor, String reference);

    /** Status MOVED_OUT (left the county); false when already moved out. */
    boolean recordMoveOut(long personId, String actor, String reference);

    /**
     * The residence division (and with it who may see the record: the data scope follows the residence); a person
     * who had moved out is active again. False when the person already lived there and was active.
     */
    boolean changeResidence(long personId, String divisionCode, String actor, String reference);

    /** The economic status as certified by social assistance; false when unchanged. */
    boolean changeEconomicStatus(long personId, EconomicStatus status, String actor, String reference);

    /** Registers a newborn with guardians (consent recorded as given at the birth registration); the new id. */
    long registerBirth(NewInfant infant, String actor, String reference);

    record NewInfant(String idNumber, String name, String residenceDivisionCode, boolean localHukou,
                     List<NewGuardian> guardians, Instant registeredAt) {
    }

    /** A guardian; with a known ID number the guardian's own record is linked. Relation MOTHER, FATHER, … */
    record NewGuardian(String name, String relation, String idNumber, String phone) {
    }

    /** A change the registry refuses; {@code reason} is a message key. */
    final class Refused extends RuntimeException {
        private final String reason;

        public Refused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
