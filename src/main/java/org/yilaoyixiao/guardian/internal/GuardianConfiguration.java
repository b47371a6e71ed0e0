package org.yilaoyixiao.guardian.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.guardian.detection.Detectors;

@Configuration(proxyBeanMethods = false)
class GuardianConfiguration {

    @Bean
    Detectors guardianDetectors(GuardianSettings settings) {
        return new Detectors(settings.detection());
    }
}
