package org.yilaoyixiao.registry;

/** Whether a person's record is current. Records are never deleted. */
public enum RecordStatus {
    ACTIVE, DECEASED, MOVED_OUT, ARCHIVED;

    public String labelKey() {
        return "record-status." + name();
    }
}
