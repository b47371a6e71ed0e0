package org.yilaoyixiao.assessment.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The assessment module's place in the shell: the "能力评估" tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class AssessmentWeb {

    @Bean
    PersonDetailTab assessmentTab() {
        return new PersonDetailTab() {
            @Override
            public String labelKey() {
                return "assessment.tab";
            }

            @Override
            public int order() {
                return 30;
            }

            @Override
            public String path(long personId) {
                return "/assessment/persons/" + personId + "/tab";
            }
        };
    }
}
