package org.yilaoyixiao.visits.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.visits.ServiceNeedRaised;
import org.yilaoyixiao.visits.UrgentAlertRaised;

/**
 * Records visits exactly once per idempotency key, completes the task the visit answers, and turns findings into
 * service needs and urgent alerts (events; an alert also plans a follow-up visit within the follow-up hours).
 */
@Service
class Visits {

    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    private final VisitRepository visits;
    private final TaskRepository tasks;
    private final CadencePolicy policy;
    private final Scope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Visits(VisitRepository visits, TaskRepository tasks, CadencePolicy policy, Scope scope, AuditTrail audit,
           ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.visits = visits;
        this.tasks = tasks;
        this.policy = policy;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The outcome of a submission: the visit, and whether it had been recorded before under the same key. */
    record Recorded(VisitRecord visit, boolean replayed) {
    }

    Recorded record(VisitRequest request, CurrentUser actor) {
        NewVisit visit = VisitRequestReader.read(request, clock);
        PersonSummary person = scope.person(visit.personId(), actor);
        return transactions.execute(status -> {
            var existing = visits.byKey(visit.idempotencyKey());
            if (existing.isPresent()) {
                return replay(existing.get(), visit);
            }
            Instant now = clock.instant();
            var id = visits.insert(visit, person.residenceDivisionCode(), actor.username(), now);
            if (id.isEmpty()) {
                // another request with the same key committed first
                return replay(visits.byKey(visit.idempotencyKey()).orElseThrow(), visit);
            }
            long visitId = id.get();
            tasks.complete(person.id(), visit.taskId(), Months.of(visit.visitedAt()), visit.visitedAt(), visitId);
            raise(visitId, person, visit, actor, now);
            audit.record(AuditRecord.success("VISIT_RECORDED", "visit:" + visitId,
                    "person=" + person.id() + " mode=" + visit.mode() + " at=" + visit.visitedAt()
                            + " location=" + (visit.latitude() != null)));
            return new Recorded(visits.find(visitId).orElseThrow(), false);
        });
    }

    private static Recorded replay(VisitRecord stored, NewVisit visit) {
        if (stored.personId() != visit.personId()) {
            throw ApiException.conflict("visits.idempotency-key.reused", visit.idempotencyKey());
        }
        return new Recorded(stored, true);
    }

    private void raise(long visitId, PersonSummary person, NewVisit visit, CurrentUser actor, Instant now) {
        visit.findings().forEach((area, f) -> {
            switch (f.raise()) {
                case "SERVICE_NEED" -> {
                    visits.raised(visitId, person.id(), person.residenceDivisionCode(), area, "SERVICE_NEED",
                            f.service(), f.note(), now);
                    events.publishEvent(new ServiceNeedRaised(visitId, person.id(), person.residenceDivisionCode(),
                            area, f.service(), f.note(), now, actor.username()));
                }
                case "URGENT_ALERT" -> {
                    visits.raised(visitId, person.id(), person.residenceDivisionCode(), area, "URGENT_ALERT", null,
                            f.note(), now);
                    events.publishEvent(new UrgentAlertRaised(visitId, person.id(), person.residenceDivisionCode(),
                            area, f.note(), now));
                    majorEvent(person, "ALERT", visit.visitedAt(), f.note(), actor);
                }
                default -> {
                }
            }
        });
    }

    /**
     * A major event (hospital discharge, bereavement, alert): plans a follow-up visit due within the follow-up hours
     * of the event, for the village's visitor. Joins the caller's transaction.
     */
    long majorEvent(PersonSummary person, String kind, Instant occurredAt, String note, CurrentUser actor) {
        CadenceParameters p = policy.on(Months.of(occurredAt).atDay(1));
        Instant now = clock.instant();
        long event = visits.majorEvent(person.id(), kind, occurredAt, note, actor.username(), now);
        Instant due = occurredAt.plus(Duration.ofHours(p.eventFollowUpHours()));
        long task = tasks.followUp(person.id(), person.residenceDivisionCode(), event, due,
                tasks.villageVisitor(person.residenceDivisionCode()).orElse(null), now);
        audit.record(AuditRecord.success("VISIT_EVENT_REPORTED", "person:" + person.id(),
                "kind=" + kind + " event=" + event + " followUpTask=" + task + " due=" + due));
        return task;
    }

    long reportEvent(long personId, String kind, Instant occurredAt, String note, CurrentUser actor) {
        if (kind == null || !List.of("HOSPITAL_DISCHARGE", "BEREAVEMENT", "ALERT").contains(kind)) {
            throw ApiException.validation("kind", "INVALID", "visits.event.kind.invalid");
        }
        if (occurredAt == null) {
            throw ApiException.validation("occurredAt", "REQUIRED", "visits.event.occurred-at.required");
        }
        PersonSummary person = scope.person(personId, actor);
        return transactions.execute(status -> majorEvent(person, kind, occurredAt, note, actor));
    }

    VisitRecord visit(long id, CurrentUser actor) {
        VisitRecord v = visits.find(id).orElseThrow(() -> ApiException.notFound("visits.visit.not-found",
                Long.toString(id)));
        if (!scope.within(actor, v.divisionCode())) {
            throw ApiException.notFound("visits.visit.not-found", Long.toString(id));
        }
        return v;
    }

    List<VisitRecord> history(long personId, CurrentUser actor) {
        return visits.history(scope.person(personId, actor).id());
    }

    long addPhoto(long visitId, String contentType, byte[] content, CurrentUser actor) {
        return addPhoto(visitId, contentType, content, null, actor).id();
    }

    /** A stored photo, and whether it had been stored before under the same key. */
    record StoredPhoto(long id, boolean replayed) {
    }

    /**
     * Adds a photo to a visit; with a key made on the phone, the same key again returns the photo stored with it (an
     * upload retried after a dropped answer), and the key used on another visit is a conflict.
     */
    StoredPhoto addPhoto(long visitId, String contentType, byte[] content, String key, CurrentUser actor) {
        VisitRecord v = visit(visitId, actor);
        String clientKey = key == null || key.isBlank() ? null : key.strip();
        if (clientKey != null && !clientKey.matches("[A-Za-z0-9_-]{8,100}")) {
            throw ApiException.validation("key", "INVALID", "visits.idempotency-key.invalid");
        }
        if (clientKey != null) {
            var existing = visits.photoByKey(clientKey);
            if (existing.isPresent()) {
                if (existing.get().visitId() != v.id()) {
                    throw ApiException.conflict("visits.idempotency-key.reused", clientKey);
                }
                return new StoredPhoto(existing.get().id(), true);
            }
        }
        if (contentType == null || !PHOTO_TYPES.contains(contentType)) {
            throw ApiException.validation("file", "TYPE", "visits.photo.type");
        }
        if (content.length == 0 || content.length > MAX_PHOTO_BYTES) {
            throw ApiException.validation("file", "SIZE", "visits.photo.size");
        }
        return transactions.execute(status -> {
            var id = visits.addPhoto(v.id(), contentType, content, clientKey, actor.username(), clock.instant());
            if (id.isEmpty()) { // the same upload, sent twice at once: the other one stored it
                return new StoredPhoto(visits.photoByKey(clientKey).orElseThrow().id(), true);
            }
            audit.record(AuditRecord.success("VISIT_PHOTO_ADDED", "visit-photo:" + id.get(),
                    "visit=" + v.id() + " person=" + v.personId() + " bytes=" + content.length));
            return new StoredPhoto(id.get(), false);
        });
    }

    /** A photo, for a user who may see its visit; every read is audited (photos are sensitive personal data). */
    VisitRepository.Photo photo(long photoId, CurrentUser actor) {
        VisitRepository.Photo photo = visits.photo(photoId)
                .orElseThrow(() -> ApiException.notFound("visits.photo.not-found", Long.toString(photoId)));
        VisitRecord v = visit(photo.visitId(), actor);
        audit.record(AuditRecord.success("VISIT_PHOTO_READ", "visit-photo:" + photoId,
                "visit=" + v.id() + " person=" + v.personId()));
        return photo;
    }

    List<Map<String, Object>> raised(String division, java.time.YearMonth month) {
        return visits.raisedIn(scope.subtree(division), month);
    }
}
