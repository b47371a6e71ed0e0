package org.yilaoyixiao.assessment.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.assessment.CapabilityLevel;
import org.yilaoyixiao.assessment.CapabilityLevelChanged;
import org.yilaoyixiao.assessment.CapabilityLevels;
import org.yilaoyixiao.assessment.CapabilityResult;
import org.yilaoyixiao.assessment.CapabilityScoring;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonCapabilityLevels;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Records assessments: scores them, stores them with their items, audits them and, when the final level differs
 * from the person's current level, publishes {@link CapabilityLevelChanged} in the same transaction.
 */
@Service
class Assessments implements CapabilityLevels, PersonCapabilityLevels {

    private final AssessmentRepository assessments;
    private final CapabilityScoring scoring;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Assessments(AssessmentRepository assessments, CapabilityScoring scoring, PersonDirectory persons,
                DivisionDirectory divisions, AuditTrail audit, ApplicationEventPublisher events,
                TransactionTemplate transactions) {
        this.assessments = assessments;
        this.scoring = scoring;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
    }

    AssessmentRecord record(NewAssessment assessment, CurrentUser actor) {
        PersonSummary person = person(assessment.personId(), actor);
        CapabilityResult result = scoring.score(assessment.items(), assessment.findings());
        return transactions.execute(status -> {
            assessments.lockPerson(person.id());
            Optional<CapabilityLevel> previous = current(person.id());
            long id = assessments.insert(assessment, person.residenceDivisionCode(), result, actor.username());
            audit.record(AuditRecord.success("ASSESSMENT_RECORDED", "assessment:" + id,
                    "person=" + person.id() + " on=" + assessment.assessedOn() + " total=" + result.totalScore()
                            + " level=" + result.finalLevel().number() + " changes=" + result.changes()));
            AssessmentRecord stored = assessments.findById(id).orElseThrow();
            Optional<CapabilityLevel> now = current(person.id());
            if (now.isPresent() && !now.equals(previous)) {
                events.publishEvent(new CapabilityLevelChanged(person.id(), previous.orElse(null), now.get(),
                        assessment.assessedOn()));
            }
            return stored;
        });
    }

    /** A person's assessments, newest first; not found for a person outside the actor's scope. */
    List<AssessmentRecord> history(long personId, CurrentUser actor) {
        return assessments.history(person(personId, actor).id());
    }

    AssessmentRecord assessment(long id, CurrentUser actor) {
        AssessmentRecord found = assessments.findById(id)
                .orElseThrow(() -> ApiException.notFound("assessment.not-found", Long.toString(id)));
        person(found.personId(), actor);
        return found;
    }

    java.util.Map<String, Integer> itemScores(long assessmentId) {
        return assessments.itemScores(assessmentId);
    }

    @Override
    public java.util.Map<Long, Integer> currentLevels(java.util.Collection<Long> personIds) {
        return assessments.currentLevels(personIds);
    }

    @Override
    public boolean diagnosedWithDementia(long personId) {
        return assessments.latest(personId)
                .map(a -> new org.yilaoyixiao.assessment.AssessmentFindings(a.coma(), a.diagnoses(), a.riskEvents())
                        .dementia()).orElse(false);
    }

    @Override
    public Optional<CapabilityLevel> current(long personId) {
        return assessments.latest(personId).map(AssessmentRecord::finalLevel);
    }

    PersonSummary person(long personId, CurrentUser actor) {
        return persons.find(personId)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("assessment.person.not-found", Long.toString(personId)));
    }
}
