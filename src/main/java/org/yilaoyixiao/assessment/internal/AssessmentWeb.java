package org.yilaoyixiao.assessment.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.registry.PersonDetailTab;

/** The assessment module's place in the shell: its navigation entry (the due list) and the "能力评估" tab on a person's page. */
@Configuration(proxyBeanMethods = false)
class AssessmentWeb {

    @Bean
    NavigationContributor assessmentNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.PEOPLE, "nav.assessment", "/assessment/due",
                AssessmentPermissions.READ, 30).exceptFor(Role.BUTLER, Role.INSTITUTION_OPERATOR));
    }

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
