package org.yilaoyixiao.facilities;

/** One class of a childcare provider and the number of children it is set up for (within its type's limit). */
public record ChildcareClass(long id, ChildcareClassType type, int capacity) {
}
