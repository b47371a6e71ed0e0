package org.yilaoyixiao.facilities.internal;

import java.util.Set;
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.CommunityService;

/** A community facility (照料中心, 服务中心, 老年食堂, 活动中心) with the home-care services it offers. */
record CareCentreRecord(long id, String name, String divisionCode, CareCentreKind kind, Set<CommunityService> services,
                        String openingHours, boolean synthetic, int version) {

    CareCentreRecord {
        services = Set.copyOf(services);
    }
}
