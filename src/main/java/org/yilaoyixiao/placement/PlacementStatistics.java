package org.yilaoyixiao.placement;

import org.yilaoyixiao.facilities.BedType;

/** Current occupancy for other pages (an institution's residents per bed type, a provider's enrolled children). */
public interface PlacementStatistics {

    /** Elders in the institution's beds of a type now (family beds it supervises not counted). */
    int residents(long institutionId, BedType type);

    /** Family care beds the institution supervises now. */
    int supervisedFamilyBeds(long institutionId);

    /** Children enrolled in a class now. */
    int enrolledInClass(long classId);

    /** Children enrolled with a provider now, over all its classes. */
    int enrolledWithProvider(long providerId);
}
