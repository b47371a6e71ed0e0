package org.yilaoyixiao.exchange.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * One valid source record: its index in the delivery, the source's own id, the type, the person's ID number, the date
 * it takes effect, and the fields of its type (already checked) as they will be stored — no clear ID numbers in them.
 */
record FeedRecord(int index, String feed, String recordId, String type, ResidentIdNumber idNumber,
                  LocalDate effectiveDate, Map<String, Object> fields, List<Guardian> guardians) {

    record Guardian(String name, String relation, String idNumber, String phone) {
    }

    String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }
}
