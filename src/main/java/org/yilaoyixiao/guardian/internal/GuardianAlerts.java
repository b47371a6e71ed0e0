package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.GuardianAlertOpened;
import org.yilaoyixiao.guardian.detection.Trigger;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Alerts, one per incident: a trigger opens an alert unless the elder has an open (or acknowledged) one of that type,
 * which it then updates (count, last time) — no alert storms. Lifecycle: OPEN → ACKNOWLEDGED → RESOLVED or
 * FALSE_ALARM (also straight from OPEN), each step with who, when and a note.
 */
@Service
class GuardianAlerts {

    enum Status { OPEN, ACKNOWLEDGED, RESOLVED, FALSE_ALARM }

    record Alert(long id, long personId, String divisionCode, AlertType type, Status status, Instant openedAt,
                 Instant lastTriggeredAt, int triggerCount, String details, Instant closedAt, int version) {
    }

    record Event(Instant at, String actor, String action, String note) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final DivisionDirectory divisions;
    private final TransactionTemplate transactions;
    private final AlertEscalation escalation;

    GuardianAlerts(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, DivisionDirectory divisions,
                   TransactionTemplate transactions, AlertEscalation escalation) {
        this.escalation = escalation;
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.divisions = divisions;
        this.transactions = transactions;
    }

    /** Opens or updates the incident; call inside the transaction that stores what triggered it. */
    long raise(Trigger trigger, String divisionCode) {
        record Upserted(long id, boolean opened) {
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(trigger.at(), ZoneOffset.UTC);
        String details = trigger.details().length() > 500 ? trigger.details().substring(0, 500) : trigger.details();
        Upserted result = jdbc.sql("""
                        insert into guardian.alert (person_id, division_code, type, status, opened_at,
                            last_triggered_at, details)
                        values (:p, :d, :type, 'OPEN', :at, :at, :details)
                        on conflict (person_id, type) where status in ('OPEN', 'ACKNOWLEDGED') do update
                            set trigger_count = guardian.alert.trigger_count + 1,
                                last_triggered_at = greatest(guardian.alert.last_triggered_at, excluded.last_triggered_at),
                                details = excluded.details, version = guardian.alert.version + 1
                        returning id, (xmax = 0) as opened
                        """).param("p", trigger.personId()).param("d", divisionCode)
                .param("type", trigger.type().name()).param("at", at).param("details", details)
                .query((rs, i) -> new Upserted(rs.getLong(1), rs.getBoolean(2))).single();
        events.publishEvent(new AlertStream.AlertChanged(result.id(), divisionCode));
        if (result.opened()) {
            history(result.id(), "system", "OPENED", details);
            if (trigger.type() != AlertType.DEVICE_OFFLINE) {
                escalation.start(result.id());
            }
            events.publishEvent(new GuardianAlertOpened(result.id(), trigger.personId(), divisionCode, trigger.type(),
                    trigger.at(), details));
        }
        return result.id();
    }

    Alert acknowledge(long id, String note, CurrentUser actor) {
        return move(id, Set.of(Status.OPEN), Status.ACKNOWLEDGED, "ACKNOWLEDGED", note, actor);
    }

    Alert resolve(long id, boolean falseAlarm, String note, CurrentUser actor) {
        return move(id, Set.of(Status.OPEN, Status.ACKNOWLEDGED), falseAlarm ? Status.FALSE_ALARM : Status.RESOLVED,
                falseAlarm ? "FALSE_ALARM" : "RESOLVED", note, actor);
    }

    private Alert move(long id, Set<Status> from, Status to, String action, String note, CurrentUser actor) {
        String text = note == null ? "" : note.strip();
        if (text.length() > 500) {
            throw ApiException.validation("note", "TOO_LONG", "guardian.note.too-long");
        }
        return transactions.execute(status -> {
            Alert alert = visible(id, actor);
            if (!from.contains(alert.status())) {
                throw new ApiException(ProblemCode.CONFLICT, "guardian.alert.transition",
                        new Object[] {alert.status().name(), to.name()}, List.of());
            }
            int changed = jdbc.sql("""
                            update guardian.alert set status = :to, version = version + 1,
                                closed_at = case when :closing then now() else closed_at end
                            where id = :id and version = :version
                            """).param("to", to.name()).param("closing", to != Status.ACKNOWLEDGED)
                    .param("id", id).param("version", alert.version()).update();
            if (changed == 0) {
                throw ApiException.conflict("guardian.alert.changed", Long.toString(id));
            }
            history(id, actor.username(), action, text);
            events.publishEvent(new AlertStream.AlertChanged(id, alert.divisionCode()));
            audit.record(AuditRecord.success("GUARDIAN_ALERT_" + action, "guardian-alert:" + id,
                    "person=" + alert.personId() + " type=" + alert.type()));
            return find(id).orElseThrow();
        });
    }

    Alert visible(long id, CurrentUser actor) {
        return find(id).filter(a -> divisions.isWithin(actor.divisionCode(), a.divisionCode()))
                .orElseThrow(() -> ApiException.notFound("guardian.alert.not-found", Long.toString(id)));
    }

    Optional<Alert> find(long id) {
        return jdbc.sql("select * from guardian.alert where id = :id").param("id", id)
                .query((rs, i) -> map(rs)).optional();
    }

    List<Event> history(long id) {
        return jdbc.sql("select at, actor, action, note from guardian.alert_event where alert_id = :id order by id")
                .param("id", id).query((rs, i) -> new Event(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    PageResponse<Alert> list(Long personId, AlertType type, Status status, PageRequest page, CurrentUser actor) {
        return list(personId, type, status, false, page, actor);
    }

    /** As above; {@code activeOnly}: only alerts still open or acknowledged (the board's default). */
    PageResponse<Alert> list(Long personId, AlertType type, Status status, boolean activeOnly, PageRequest page,
                             CurrentUser actor) {
        StringBuilder where = new StringBuilder(" where division_code in (:codes)");
        if (activeOnly) {
            where.append(" and status in ('OPEN', 'ACKNOWLEDGED')");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("codes", divisions.subtreeCodes(actor.divisionCode()));
        if (personId != null) {
            where.append(" and person_id = :person");
            params.put("person", personId);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from guardian.alert" + where).params(params).query(Long.class).single();
        List<Alert> items = new ArrayList<>(jdbc.sql("select * from guardian.alert" + where
                        + " order by (status in ('OPEN', 'ACKNOWLEDGED')) desc, last_triggered_at desc, id desc"
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> map(rs)).list());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many alerts in the divisions are in one of the states: an inbox count. */
    long count(java.util.Collection<String> codes, Set<Status> statuses) {
        return jdbc.sql("select count(*) from guardian.alert where division_code = any(:codes) and status = any(:s)")
                .param("codes", codes.toArray(String[]::new))
                .param("s", statuses.stream().map(Enum::name).toArray(String[]::new)).query(Long.class).single();
    }

    /** The first alerts in the divisions in one of the states, the most recently triggered first. */
    List<Alert> first(java.util.Collection<String> codes, Set<Status> statuses, int limit) {
        return jdbc.sql("select * from guardian.alert where division_code = any(:codes) and status = any(:s)"
                        + " order by last_triggered_at desc, id desc limit :limit")
                .param("codes", codes.toArray(String[]::new))
                .param("s", statuses.stream().map(Enum::name).toArray(String[]::new)).param("limit", limit)
                .query((rs, i) -> map(rs)).list();
    }

    private void history(long alertId, String actor, String action, String note) {
        jdbc.sql("insert into guardian.alert_event (alert_id, actor, action, note) values (:id, :actor, :action, :note)")
                .param("id", alertId).param("actor", actor).param("action", action).param("note", note).update();
    }

    private static Alert map(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Alert(rs.getLong("id"), rs.getLong("person_id"), rs.getString("division_code"),
                AlertType.valueOf(rs.getString("type")), Status.valueOf(rs.getString("status")),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_triggered_at", OffsetDateTime.class).toInstant(), rs.getInt("trigger_count"),
                rs.getString("details"), closed == null ? null : closed.toInstant(), rs.getInt("version"));
    }
}
