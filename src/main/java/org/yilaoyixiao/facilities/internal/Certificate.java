package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;

/** A professional certificate (职业资格/技能等级证书); it certifies only up to and including {@code validUntil}. */
record Certificate(long id, String type, String number, String level, LocalDate validUntil) {

    public boolean validOn(LocalDate date) {
        return !validUntil.isBefore(date);
    }
}
