package org.yilaoyixiao.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates and months are those of the county: Asia/Shanghai. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
