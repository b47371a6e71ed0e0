package org.yilaoyixiao.guardian.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.guardian.detection.Detectors;
import org.yilaoyixiao.guardian.detection.FraudRules;

@Configuration(proxyBeanMethods = false)
class GuardianConfiguration {

    @Bean
    FraudRules guardianFraudRules(GuardianSettings settings) {
        return new FraudRules(settings.fraudSettings());
    }

    @Bean
    Detectors guardianDetectors(GuardianSettings settings) {
        return new Detectors(settings.detection());
    }
}
