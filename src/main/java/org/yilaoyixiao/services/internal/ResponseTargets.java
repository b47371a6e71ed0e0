package org.yilaoyixiao.services.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yilaoyixiao.services.ServiceCategory;

/**
 * How soon after it is wanted a service must start (check-in), per category: {@code
 * yly.services.response-targets.EMERGENCY=PT30M} and so on. A category without a target is never a breach.
 */
@ConfigurationProperties("yly.services")
public class ResponseTargets {

    private final Map<ServiceCategory, Duration> responseTargets = new EnumMap<>(ServiceCategory.class);

    public Map<ServiceCategory, Duration> getResponseTargets() {
        return responseTargets;
    }

    Duration target(ServiceCategory category) {
        return responseTargets.get(category);
    }
}
