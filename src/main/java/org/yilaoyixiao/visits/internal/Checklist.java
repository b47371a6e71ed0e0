package org.yilaoyixiao.visits.internal;

import java.util.List;

/** The findings checklist of a visit and what a finding can raise. */
final class Checklist {

    /** 健康状况, 居住条件, 安全隐患, 精神状态, 需求. */
    static final List<String> AREAS = List.of("HEALTH", "LIVING", "SAFETY", "MENTAL", "NEEDS");
    static final List<String> MODES = List.of("HOME", "PHONE", "VIDEO");
    static final List<String> RAISES = List.of("NONE", "SERVICE_NEED", "URGENT_ALERT");
    /** The six 助 services of the plan's township hubs, and anything else. */
    static final List<String> SERVICES = List.of("MEALS", "BATHING", "CLEANING", "MOBILITY", "MEDICAL", "EMERGENCY",
            "OTHER");

    private Checklist() {
    }
}
