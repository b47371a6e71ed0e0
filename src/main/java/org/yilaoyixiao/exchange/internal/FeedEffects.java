package org.yilaoyixiao.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.exchange.EconomicStatusReported;
import org.yilaoyixiao.exchange.HospitalDischargeReported;
import org.yilaoyixiao.exchange.PersonDeathReported;
import org.yilaoyixiao.exchange.ResidenceChangeReported;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.PersonRecordChanges;
import org.yilaoyixiao.registry.PersonSummary;

/**
 * What one record does, in the caller's transaction: the registry's own facts change through
 * {@link PersonRecordChanges} (naming the feed record as the source), and everything other modules do about it
 * follows from the events published here, after the transaction commits. A record that matched nobody (other than a
 * birth, which creates the infant) waits in the review queue. A registry refusal propagates as
 * {@link PersonRecordChanges.Refused} and rolls the record back.
 */
@Component
class FeedEffects {

    static final String ACTOR = "data-exchange";

    /** Status APPLIED, NO_CHANGE or QUEUED; outcome is a code shown through the message bundle. */
    record Outcome(String status, Long personId, String outcome, String reviewReason) {
        static Outcome applied(long personId, boolean changed, String outcome) {
            return new Outcome(changed ? "APPLIED" : "NO_CHANGE", personId, changed ? outcome : "NO_CHANGE", null);
        }
    }

    private final PersonRecordChanges changes;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    FeedEffects(PersonRecordChanges changes, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.changes = changes;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Applies a stored record (its fields as stored) to the person, or queues it when there is none. */
    Outcome apply(long feedRecordId, String type, java.time.LocalDate effective, Map<String, Object> fields,
                  Optional<PersonSummary> matched, FeedRecord birth) {
        String ref = "feed-record:" + feedRecordId;
        if (type.equals("BIRTH")) {
            if (matched.isPresent()) {
                return new Outcome("NO_CHANGE", matched.get().id(), "ALREADY_REGISTERED", null);
            }
            List<PersonRecordChanges.NewGuardian> guardians = birth.guardians().stream()
                    .map(g -> new PersonRecordChanges.NewGuardian(g.name(), g.relation(), g.idNumber(), g.phone()))
                    .toList();
            long id = changes.registerBirth(new PersonRecordChanges.NewInfant(birth.idNumber().value(),
                    birth.text("name"), birth.text("residenceDivisionCode"),
                    Boolean.TRUE.equals(fields.get("localHukou")), guardians,
                    effective.atStartOfDay(BusinessTime.ZONE).toInstant()), ACTOR, ref);
            return new Outcome("APPLIED", id, "INFANT_REGISTERED", null);
        }
        if (matched.isEmpty()) {
            return new Outcome("QUEUED", null, "AWAITING_REVIEW", type.equals("MOVE_IN") ? "NEWCOMER" : "UNMATCHED");
        }
        PersonSummary person = matched.get();
        long id = person.id();
        return switch (type) {
            case "DEATH" -> {
                boolean changed = changes.recordDeath(id, effective, ACTOR, ref);
                if (changed) {
                    events.publishEvent(new PersonDeathReported(id, effective, feedRecordId));
                }
                yield Outcome.applied(id, changed, "DEATH_RECORDED");
            }
            case "MOVE_IN", "RESIDENCE_CHANGE" -> {
                String to = String.valueOf(fields.get("residenceDivisionCode"));
                boolean changed = changes.changeResidence(id, to, ACTOR, ref);
                if (changed) {
                    events.publishEvent(new ResidenceChangeReported(id, person.residenceDivisionCode(), to,
                            effective, feedRecordId));
                }
                yield Outcome.applied(id, changed, "RESIDENCE_CHANGED");
            }
            case "MOVE_OUT" -> {
                boolean changed = changes.recordMoveOut(id, ACTOR, ref);
                if (changed) {
                    events.publishEvent(new ResidenceChangeReported(id, person.residenceDivisionCode(), null,
                            effective, feedRecordId));
                }
                yield Outcome.applied(id, changed, "MOVED_OUT");
            }
            case "STATUS_CHANGE" -> {
                EconomicStatus status = EconomicStatus.valueOf(String.valueOf(fields.get("economicStatus")));
                EconomicStatus previous = jdbc.sql("select economic_status from registry.published_person "
                        + "where id = :id").param("id", id).query(String.class).optional()
                        .map(EconomicStatus::valueOf).orElse(EconomicStatus.NONE);
                boolean changed = changes.changeEconomicStatus(id, status, ACTOR, ref);
                if (changed) {
                    events.publishEvent(new EconomicStatusReported(id, previous, status, effective, feedRecordId));
                }
                yield Outcome.applied(id, changed, "ECONOMIC_STATUS_CHANGED");
            }
            case "DISCHARGE" -> {
                events.publishEvent(new HospitalDischargeReported(id, effective,
                        fields.get("hospital") == null ? null : fields.get("hospital").toString(), feedRecordId));
                yield new Outcome("APPLIED", id, "DISCHARGE_REPORTED", null);
            }
            case "PENSION_STATUS" -> new Outcome("APPLIED", id, "PENSION_RECORDED", null);
            default -> new Outcome("APPLIED", id, "HEALTH_RECORDED", null);
        };
    }
}
