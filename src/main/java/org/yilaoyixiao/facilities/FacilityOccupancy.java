package org.yilaoyixiao.facilities;

/**
 * How full a facility is now. Facilities does not place anyone itself: the module that admits elders and enrols
 * children provides this (as a bean), and the institution and provider pages show it. Without such a bean the pages
 * show zero.
 */
public interface FacilityOccupancy {

    /** Elders in the institution's beds of a type now (family beds it supervises not counted). */
    int residents(long institutionId, BedType type);

    /** Family care beds the institution supervises now. */
    int supervisedFamilyBeds(long institutionId);

    /** Children enrolled in a class now. */
    int enrolledInClass(long classId);
}
