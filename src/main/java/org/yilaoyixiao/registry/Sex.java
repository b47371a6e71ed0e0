package org.yilaoyixiao.registry;

/** Sex as recorded in the ID number. */
public enum Sex {
    MALE, FEMALE
}
