package org.yilaoyixiao.facilities;

/** The approved beds of one type in an institution, and how many of them are for cognitive impairment (认知障碍). */
public record InstitutionBeds(BedType type, int approved, int cognitive) {
}
