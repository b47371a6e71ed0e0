package org.yilaoyixiao.guardian.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.guardian.AlertType;
import org.yilaoyixiao.guardian.detection.TimerKind;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.Notifications;
import org.yilaoyixiao.registry.EmergencyContacts;
import org.yilaoyixiao.registry.PersonDirectory;

/**
 * The escalation chain of an alert nobody has acknowledged, one step every {@code yly.guardian.escalation-step}
 * (default 10 minutes), driven by the same database timers as the detectors (so a restart loses no step):
 * <ol>
 *   <li>at once: the elder's care butlers — the members of the butler teams covering the elder's village, else of the
 *   township's teams (read through {@code services.published_team_butler}) — each by a personal in-app message, and
 *   the village (in-app message to the staff whose scope holds the elder's village); a fraud alert also goes to the
 *   county public-security bureau's endpoint ({@code yly.notifications.webhooks.police});</li>
 *   <li>the family: an SMS to every emergency contact, children abroad included;</li>
 *   <li>the township (in-app message to the township's staff);</li>
 *   <li>the police, for wandering (fraud went there at once).</li>
 * </ol>
 * Acknowledging the alert stops the chain. Each message has an idempotency key per alert and step, so a step fired
 * twice sends once.
 */
@Component
class AlertEscalation {

    static final String POLICE = "police";
    private static final int LAST_STEP = 4;

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final EmergencyContacts contacts;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration step;
    private final AlertTexts texts;

    AlertEscalation(JdbcClient jdbc, Notifications notifications, EmergencyContacts contacts, PersonDirectory persons,
                    DivisionDirectory divisions, AuditTrail audit, Clock clock,
                    @Value("${yly.guardian.escalation-step:PT10M}") Duration step, AlertTexts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.contacts = contacts;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.step = step;
    }

    private record Alert(long id, long personId, String division, AlertType type, String status, String details) {
    }

    /** Step 1, in the transaction that opened the alert, and the timer for step 2. */
    void start(long alertId) {
        fire(alertId, 1);
    }

    /** A due escalation timer: the step in its context, unless the alert was acknowledged or closed meanwhile. */
    void onTimer(String context) {
        String[] parts = context.split(":");
        fire(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    private void fire(long alertId, int stepNumber) {
        Optional<Alert> found = jdbc.sql("select id, person_id, division_code, type, status, details"
                        + " from guardian.alert where id = :id").param("id", alertId)
                .query((rs, i) -> new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        AlertType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6))).optional();
        if (found.isEmpty() || !found.get().status().equals("OPEN")) {
            return;
        }
        Alert alert = found.get();
        String name = persons.find(alert.personId()).map(p -> p.name()).orElse("#" + alert.personId());
        String subject = "【银龄卫士】" + name + " " + label(alert.type());
        String reference = "guardian-alert:" + alert.id();
        String key = reference + ":step" + stepNumber;
        String link = "/guardian/alerts/" + alert.id();
        // in-app messages are read in the reader's language: the subject and the reason as keys with arguments
        List<String> args = List.of(name,
                org.yilaoyixiao.notifications.LocalizedText.of("guardian.alert-type." + alert.type().name())
                        .asArgument(), texts.reason(alert.type(), alert.details()).asArgument());
        switch (stepNumber) {
            case 1 -> {
                for (String butler : butlers(alert.division())) {
                    notifications.send(new Notification(Notification.Channel.IN_APP, Notification.user(butler),
                            subject, alert.details(), reference, key + ":" + butler)
                            .withText("guardian.notify.subject", "guardian.notify.body", args).withLink(link));
                }
                notifications.send(new Notification(Notification.Channel.IN_APP, Notification.division(alert.division()),
                        subject, alert.details(), reference, key)
                        .withText("guardian.notify.subject", "guardian.notify.body", args).withLink(link));
                if (alert.type() == AlertType.FRAUD) {
                    notifications.send(new Notification(Notification.Channel.WEBHOOK, POLICE, subject,
                            alert.details(), reference, key + ":police"));
                }
            }
            case 2 -> contacts.of(alert.personId()).stream().filter(c -> c.phone() != null && !c.phone().isBlank())
                    .forEach(c -> notifications.send(new Notification(Notification.Channel.SMS, c.phone(), subject,
                            "请尽快联系老人或村里；平台已通知村、镇工作人员。", reference, key + ":" + c.phone())));
            case 3 -> divisions.find(alert.division()).map(d -> d.parentCode()).filter(code -> code != null)
                    .ifPresent(township -> notifications.send(new Notification(Notification.Channel.IN_APP,
                            Notification.division(township), subject + "（村里未接警，已升级）", alert.details(),
                            reference, key).withText("guardian.notify.subject.escalated", "guardian.notify.body", args)
                            .withLink(link)));
            case 4 -> {
                if (alert.type() == AlertType.WANDERING) {
                    notifications.send(new Notification(Notification.Channel.WEBHOOK, POLICE, subject,
                            alert.details(), reference, key));
                }
            }
            default -> {
            }
        }
        audit.record(AuditRecord.success("GUARDIAN_ALERT_ESCALATED", reference, "step=" + stepNumber));
        if (stepNumber < LAST_STEP) {
            // through the detectors' own timer store: one writer of guardian.detector_timer
            DatabaseTimers timers = new DatabaseTimers();
            timers.set("escalate:" + alert.id(), alert.personId(), TimerKind.ESCALATION, clock.instant().plus(step),
                    alert.id() + ":" + (stepNumber + 1));
            timers.flush(jdbc);
        }
    }

    /** The butlers of the teams covering the village, else of the village's township's teams. */
    List<String> butlers(String village) {
        List<String> covering = jdbc.sql("select distinct username from services.published_team_butler"
                + " where village_code = :v order by username").param("v", village).query(String.class).list();
        if (!covering.isEmpty()) {
            return covering;
        }
        return divisions.find(village).map(d -> d.parentCode()).filter(code -> code != null)
                .map(township -> jdbc.sql("select distinct username from services.published_team_butler"
                                + " where township_code = :t order by username").param("t", township)
                        .query(String.class).list()).orElse(List.of());
    }

    private static String label(AlertType type) {
        return switch (type) {
            case WANDERING -> "疑似走失";
            case HOME_INACTIVITY -> "居家长时间无活动";
            case SOS -> "一键呼叫";
            case FALL -> "跌倒";
            case FRAUD -> "疑似被诈骗";
            case DEVICE_OFFLINE -> "设备离线";
        };
    }
}
