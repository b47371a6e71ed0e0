package org.yilaoyixiao.registry;

import java.util.List;

/**
 * Whom to call when something happens to a person: their family contacts marked as emergency contacts, with phone,
 * e-mail and — for children working abroad — country and time zone. For alerting modules; no scope check here, the
 * caller acts for the system, and every use must be audited by the caller.
 */
public interface EmergencyContacts {

    record Contact(String name, String relation, String phone, String email, String countryCode, String timeZone) {
    }

    List<Contact> of(long personId);
}
