package org.yilaoyixiao.registry.internal;

/** A person an import created, for the wizard's result list (never with the full ID number). */
record ImportedPerson(int rowNumber, long personId, String idNumberMasked, String name, String residenceDivisionCode) {
}
