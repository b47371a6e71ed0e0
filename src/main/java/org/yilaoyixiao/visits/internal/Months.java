package org.yilaoyixiao.visits.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.time.BusinessTime;

/** Months of the county's calendar (Asia/Shanghai) and their boundaries as instants. */
final class Months {

    private Months() {
    }

    static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atZone(BusinessTime.ZONE));
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    /** The last second of a day in the county, the due time of a task due "on" that day. */
    static Instant endOfDay(LocalDate day) {
        ZonedDateTime next = day.plusDays(1).atStartOfDay(BusinessTime.ZONE);
        return next.minusSeconds(1).toInstant();
    }

    /** Parses "2026-10"; a 400 naming the field otherwise. */
    static YearMonth parse(String value, String field) {
        try {
            return YearMonth.parse(value);
        } catch (RuntimeException e) {
            throw ApiException.validation(field, "INVALID", "visits.month.invalid", String.valueOf(value));
        }
    }
}
