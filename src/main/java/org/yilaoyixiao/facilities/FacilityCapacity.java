package org.yilaoyixiao.facilities;

/**
 * Adds capacity that another module has built (a completed construction project of the plan registry) to an existing
 * institution or childcare provider. The caller checks its own user's right to do so; the change is audited here.
 */
public interface FacilityCapacity {

    /** Adds approved beds of a type to an institution; answers the type's new approved number. */
    int addInstitutionBeds(long institutionId, BedType type, int beds, String reason);

    /** Adds approved slots to a childcare provider; answers its new approved slots. */
    int addChildcareSlots(long providerId, int slots, String reason);
}
