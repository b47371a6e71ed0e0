package org.yilaoyixiao.placement;

import org.yilaoyixiao.facilities.FacilityOccupancy;

/**
 * Current occupancy for other pages: what {@link FacilityOccupancy} asks (residents per bed type, supervised family
 * beds, children per class), and children enrolled per provider.
 */
public interface PlacementStatistics extends FacilityOccupancy {

    /** Children enrolled with a provider now, over all its classes. */
    int enrolledWithProvider(long providerId);
}
