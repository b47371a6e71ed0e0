package org.yilaoyixiao.notifications;

import java.util.Collection;
import java.util.Map;

/**
 * How field staff reach an elder: the address of their household, their own telephone and the first family contact
 * with a telephone (emergency contacts first). For task cards on a butler's phone (今日任务, 工单, 探访): tap to call.
 * No scope check here: callers show it only for people in their user's scope.
 */
public interface ElderContacts {

    /**
     * @param address the household's address, or null
     * @param phone the elder's telephone, or null
     * @param familyName the family contact's name, or null
     * @param familyRelation the contact's relation as stored (SON, DAUGHTER, …; label key {@code contact.relation.*})
     * @param familyPhone the contact's telephone, or null
     */
    record Contact(long personId, String address, String phone, String familyName, String familyRelation,
                   String familyPhone) {

        /** The number to tap first: the elder's own, else the family's. */
        public String callFirst() {
            return phone != null && !phone.isBlank() ? phone : familyPhone;
        }
    }

    /** The contacts of these people, in one query; people without a record are absent. */
    Map<Long, Contact> of(Collection<Long> personIds);
}
