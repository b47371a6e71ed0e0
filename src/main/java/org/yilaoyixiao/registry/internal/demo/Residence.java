package org.yilaoyixiao.registry.internal.demo;

/** A village (or a township without villages) where synthetic people live, with its township. */
record Residence(String divisionCode, String name, String townshipCode, double weight) {
}
