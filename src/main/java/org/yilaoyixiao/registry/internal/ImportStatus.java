package org.yilaoyixiao.registry.internal;

/** Where an upload stands: read and checked in the background, then waiting for the uploader's confirmation. */
enum ImportStatus {
    VALIDATING, VALIDATED, FAILED, COMMITTED;

    public String labelKey() {
        return "person-import.status." + name();
    }
}
