package org.yilaoyixiao.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.yilaoyixiao.platform.security.CurrentUser;

/** Reading imported MZ/T 039-2013 results, within the reader's scope. */
@Service
class LegacyAssessments {

    private final LegacyAssessmentRepository repository;
    private final Assessments assessments;

    LegacyAssessments(LegacyAssessmentRepository repository, Assessments assessments) {
        this.repository = repository;
        this.assessments = assessments;
    }

    List<LegacyAssessment> history(long personId, CurrentUser actor) {
        return repository.history(assessments.person(personId, actor).id());
    }
}
