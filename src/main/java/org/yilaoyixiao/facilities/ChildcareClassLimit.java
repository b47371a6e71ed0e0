package org.yilaoyixiao.facilities;

/**
 * The national limits of one class type: ages from {@code minAgeMonths} (inclusive) to {@code maxAgeMonths}
 * (exclusive), at most {@code maxChildren}, at most {@code childrenPerCarer} children per carer (null for MIXED, whose
 * ratio follows the ages present).
 */
public record ChildcareClassLimit(ChildcareClassType type, int minAgeMonths, int maxAgeMonths, int maxChildren,
                                  Integer childrenPerCarer) {

    public boolean admitsAge(int ageMonths) {
        return ageMonths >= minAgeMonths && ageMonths < maxAgeMonths;
    }
}
