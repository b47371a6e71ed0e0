package org.yilaoyixiao.assessment.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.assessment.CapabilityScoring;

/** The scoring policy: whether the two one-level raises stack (decision 0009). */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    CapabilityScoring capabilityScoring(@Value("${yly.assessment.raises-stack:true}") boolean raisesStack) {
        return new CapabilityScoring(AssessmentItems.standard(), raisesStack);
    }
}
