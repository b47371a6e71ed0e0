package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassLimit;
import org.yilaoyixiao.facilities.ChildcareClassRules;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.ClassAdmission;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Infants in classes. An enrolment is checked, under the provider's lock, against the national class rules (age,
 * size, carer ratio with the ages of the children enrolled on that date), the class's own capacity and the provider's
 * approved slots; a refusal changes nothing.
 */
@Service
class Enrolments {

    private final EnrolmentRepository enrolments;
    private final PlacementScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ChildcareClassRules rules = ChildcareClassRules.national();

    Enrolments(EnrolmentRepository enrolments, PlacementScope scope, AuditTrail audit,
               TransactionTemplate transactions) {
        this.enrolments = enrolments;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    void recordCarers(long providerId, long classId, Integer carers, CurrentUser actor) {
        ChildcareProviderSummary provider = scope.provider(providerId, actor);
        ChildcareClass childcareClass = classOf(provider, classId);
        if (carers == null || carers < 0) {
            throw ApiException.validation("carers", "MIN", "enrolment.carers.invalid");
        }
        transactions.executeWithoutResult(status -> {
            enrolments.recordCarers(childcareClass.id(), carers, actor.username());
            audit.record(AuditRecord.success("CLASS_CARERS_RECORDED", "childcare-class:" + classId,
                    "carers=" + carers));
        });
    }

    EnrolmentRecord enrol(long personId, long providerId, long classId, LocalDate from, CurrentUser actor) {
        PlacementScope.required(from, "from");
        ChildcareProviderSummary provider = scope.provider(providerId, actor);
        ChildcareClass childcareClass = classOf(provider, classId);
        PersonSummary child = scope.activePerson(personId);
        return transactions.execute(status -> {
            enrolments.lockProvider(providerId);
            if (enrolments.current(personId).isPresent()) {
                throw ApiException.conflict("enrolment.child.enrolled", child.name());
            }
            check(provider, childcareClass, child, from);
            long id;
            try {
                id = enrolments.insert(personId, providerId, classId, provider.divisionCode(), from, actor.username());
            } catch (DuplicateKeyException e) {
                throw ApiException.conflict("enrolment.child.enrolled", child.name());
            }
            audit.record(AuditRecord.success("CHILD_ENROLLED", "enrolment:" + id,
                    "person=" + personId + " provider=" + providerId + " class=" + classId + " from=" + from));
            return enrolments.findById(id).orElseThrow();
        });
    }

    /** Repeating a withdrawal with the same date answers with the ended enrolment again (safe to retry). */
    EnrolmentRecord withdraw(long id, LocalDate on, CurrentUser actor) {
        PlacementScope.required(on, "on");
        EnrolmentRecord enrolment = enrolments.findById(id).filter(e -> scope.visible(actor, e.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("enrolment.not-found", Long.toString(id)));
        if (on.equals(enrolment.toDate())) {
            return enrolment;
        }
        if (enrolment.toDate() != null) {
            throw ApiException.conflict("enrolment.already-ended", Long.toString(id));
        }
        if (on.isBefore(enrolment.fromDate())) {
            throw ApiException.validation("on", "BEFORE_START", "placement.date.before-start",
                    enrolment.fromDate().toString());
        }
        return transactions.execute(status -> {
            enrolments.close(id, on);
            audit.record(AuditRecord.success("CHILD_WITHDRAWN", "enrolment:" + id, "on=" + on));
            return enrolments.findById(id).orElseThrow();
        });
    }

    private void check(ChildcareProviderSummary provider, ChildcareClass childcareClass, PersonSummary child,
                       LocalDate from) {
        String target = "childcare-class:" + childcareClass.id();
        int age = child.ageMonthsOn(from);
        List<Integer> ages = enrolments.currentInClass(childcareClass.id()).stream()
                .map(e -> scope.person(e.personId()).ageMonthsOn(from)).toList();
        int carers = enrolments.carers(childcareClass.id()).orElse(0);
        ClassAdmission admission = rules.admit(childcareClass.type(), ages, Math.max(carers, 1), age);
        ChildcareClassLimit limit = rules.limit(childcareClass.type());
        if (admission == ClassAdmission.AGE_NOT_ELIGIBLE) {
            refuse(target, ProblemCode.AGE_NOT_ELIGIBLE, "enrolment.age", child.name(), Integer.toString(age),
                    Integer.toString(limit.minAgeMonths()), Integer.toString(limit.maxAgeMonths()));
        }
        if (admission == ClassAdmission.CAPACITY_EXCEEDED || ages.size() >= childcareClass.capacity()) {
            refuse(target, ProblemCode.CAPACITY_EXCEEDED, "enrolment.class.full",
                    Integer.toString(Math.min(childcareClass.capacity(), limit.maxChildren())),
                    Integer.toString(ages.size()));
        }
        if (carers <= 0) {
            refuse(target, ProblemCode.RATIO_BREACHED, "enrolment.carers.missing");
        }
        if (admission == ClassAdmission.RATIO_BREACHED) {
            refuse(target, ProblemCode.RATIO_BREACHED, "enrolment.ratio", Integer.toString(carers),
                    Integer.toString(ages.size()));
        }
        int enrolled = enrolments.currentInProvider(provider.id());
        if (enrolled >= provider.approvedSlots()) {
            refuse("childcare-provider:" + provider.id(), ProblemCode.CAPACITY_EXCEEDED, "enrolment.slots.full",
                    Integer.toString(provider.approvedSlots()), Integer.toString(enrolled));
        }
    }

    private void refuse(String target, ProblemCode code, String detailKey, Object... args) {
        scope.refused("CHILD_ENROLLED", target, code.name());
        throw new ApiException(code, detailKey, args, List.of());
    }

    private static ChildcareClass classOf(ChildcareProviderSummary provider, long classId) {
        return provider.classes().stream().filter(c -> c.id() == classId).findFirst()
                .orElseThrow(() -> ApiException.notFound("enrolment.class.not-found", Long.toString(classId)));
    }
}
