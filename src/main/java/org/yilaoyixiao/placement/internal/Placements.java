package org.yilaoyixiao.placement.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.placement.PlacementKind;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * Elders in beds: admission to an institution bed or a family care bed, discharge, and transfer (which closes the
 * current period and opens the next in one transaction). Each rule refuses with nothing changed.
 * <p>
 * Hook: once assessments exist, the bed type is to be checked against the latest assessed care level here
 * ({@link #requireBedFitsAssessment}); until then every bed type is accepted.
 */
@Service
class Placements {

    static final int ELDER_AGE = 60;
    static final String TRANSFERRED = "TRANSFERRED";

    private final PlacementRepository placements;
    private final PlacementScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    Placements(PlacementRepository placements, PlacementScope scope, AuditTrail audit,
               TransactionTemplate transactions) {
        this.placements = placements;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Where an elder is to go: an institution bed of a type, or a family bed supervised by the institution. */
    record Target(PlacementKind kind, Long institutionId, String bedType) {
    }

    PlacementRecord admit(long personId, Target target, LocalDate from, CurrentUser actor) {
        PlacementScope.required(from, "from");
        PersonSummary person = scope.activePerson(personId);
        if (person.ageOn(from) < ELDER_AGE) {
            scope.refused("PLACEMENT_ADMITTED", "person:" + personId, "age " + person.ageOn(from));
            throw new ApiException(ProblemCode.AGE_NOT_ELIGIBLE, "placement.age", new Object[] {
                    person.name(), Integer.toString(person.ageOn(from))}, List.of());
        }
        return transactions.execute(status -> {
            if (placements.current(personId).isPresent()) {
                throw ApiException.conflict("placement.person.placed", person.name());
            }
            long id = open(person, target, from, null, actor);
            audit.record(AuditRecord.success("PLACEMENT_ADMITTED", "placement:" + id,
                    "person=" + personId + " " + target.kind() + " institution=" + target.institutionId()
                            + " bed=" + target.bedType() + " from=" + from));
            return placements.findById(id).orElseThrow();
        });
    }

    /** Repeating a discharge with the same date answers with the ended placement again (safe to retry). */
    PlacementRecord discharge(long id, LocalDate on, String reason, CurrentUser actor) {
        PlacementScope.required(on, "on");
        PlacementRecord ended = visiblePlacement(id, actor);
        if (!ended.current() && on.equals(ended.toDate()) && !TRANSFERRED.equals(ended.endReason())) {
            return ended;
        }
        PlacementRecord current = currentPlacement(id, actor, on);
        return transactions.execute(status -> {
            placements.close(current.id(), on, reason == null || reason.isBlank() ? "DISCHARGED" : reason.strip());
            audit.record(AuditRecord.success("PLACEMENT_DISCHARGED", "placement:" + id, "on=" + on));
            return placements.findById(id).orElseThrow();
        });
    }

    PlacementRecord transfer(long id, Target target, LocalDate on, CurrentUser actor) {
        PlacementScope.required(on, "on");
        PlacementRecord current = currentPlacement(id, actor, on);
        PersonSummary person = scope.person(current.personId());
        return transactions.execute(status -> {
            placements.close(current.id(), on, TRANSFERRED);
            long next = open(person, target, on, current.id(), actor);
            audit.record(AuditRecord.success("PLACEMENT_TRANSFERRED", "placement:" + id,
                    "next=" + next + " " + target.kind() + " institution=" + target.institutionId()
                            + " bed=" + target.bedType() + " on=" + on));
            return placements.findById(next).orElseThrow();
        });
    }

    /** A person's periods, for a person living in the actor's scope or placed in it; else not found. */
    List<PlacementRecord> history(long personId, CurrentUser actor) {
        PersonSummary person = scope.person(personId);
        List<PlacementRecord> history = placements.history(personId);
        boolean visible = scope.visible(actor, person.residenceDivisionCode())
                || history.stream().anyMatch(p -> scope.visible(actor, p.divisionCode()));
        if (!visible) {
            throw ApiException.notFound("placement.person.not-found", Long.toString(personId));
        }
        return history;
    }

    /** Inserts the period after the capacity check, under the institution's lock; call within a transaction. */
    private long open(PersonSummary person, Target target, LocalDate from, Long previousId, CurrentUser actor) {
        PlacementKind kind = target.kind() == null ? PlacementKind.INSTITUTION : target.kind();
        if (target.institutionId() == null) {
            throw ApiException.validation("institutionId", "REQUIRED", "placement.institution.required");
        }
        InstitutionSummary institution = scope.institution(target.institutionId(), actor);
        String bedType = null;
        if (kind == PlacementKind.INSTITUTION) {
            BedType type = bedType(target.bedType());
            requireBedFitsAssessment(person, type);
            placements.lockInstitution(institution.id());
            int approved = institution.approved(type);
            int residents = placements.currentResidents(institution.id(), type.name());
            if (residents >= approved) {
                scope.refused("PLACEMENT_ADMITTED", "institution:" + institution.id(),
                        "no free " + type + " bed: " + residents + "/" + approved);
                throw new ApiException(ProblemCode.CAPACITY_EXCEEDED, "placement.beds.full." + type.name(),
                        new Object[] {institution.name(), Integer.toString(approved), Integer.toString(residents)},
                        List.of());
            }
            bedType = type.name();
        }
        try {
            return placements.insert(person.id(), kind, institution.id(), institution.divisionCode(), bedType, from,
                    previousId, actor.username());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("placement.person.placed", person.name());
        }
    }

    /** No check until assessments exist: the bed type will have to suit the latest assessed care level. */
    private void requireBedFitsAssessment(PersonSummary person, BedType type) {
    }

    private static BedType bedType(String value) {
        try {
            return BedType.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.validation("bedType", "INVALID", "placement.bed-type.invalid");
        }
    }

    /** A placement in the actor's scope, else not found (checked before anything else about a request on it). */
    PlacementRecord visiblePlacement(long id, CurrentUser actor) {
        return placements.findById(id).filter(p -> scope.visible(actor, p.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("placement.not-found", Long.toString(id)));
    }

    private PlacementRecord currentPlacement(long id, CurrentUser actor, LocalDate on) {
        PlacementRecord placement = visiblePlacement(id, actor);
        if (!placement.current()) {
            throw ApiException.conflict("placement.already-ended", Long.toString(id));
        }
        if (on.isBefore(placement.fromDate())) {
            throw ApiException.validation("on", "BEFORE_START", "placement.date.before-start",
                    placement.fromDate().toString());
        }
        return placement;
    }
}
