package org.yilaoyixiao.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.Notifications;
import tools.jackson.databind.ObjectMapper;

/**
 * The outbox: {@link #send} records in the caller's transaction; {@link #dispatch} sends what is pending, one message
 * per short transaction (claimed with {@code skip locked}), retrying with back-off (1, 5, 30, 120 minutes) and giving up
 * after five attempts. In-app messages are delivered by being recorded.
 */
@Service
class Outbox implements Notifications {

    private static final int MAX_ATTEMPTS = 5;
    private static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofMinutes(120));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotificationSettings settings;
    private final SmsGateway sms;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Outbox(JdbcClient jdbc, TransactionTemplate transactions, NotificationSettings settings, ObjectMapper json,
           Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.sms = settings.sms().url() == null || settings.sms().url().isBlank() ? new LoggingSmsGateway()
                : new HttpSmsGateway(settings.sms().url(), settings.sms().key(), json);
    }

    @Override
    public long send(Notification n) {
        boolean inApp = n.channel() == Notification.Channel.IN_APP;
        return jdbc.sql("""
                        insert into notifications.message (channel, recipient, subject, body, reference,
                            idempotency_key, status, sent_at, next_attempt_at, subject_key, body_key, text_args, link)
                        values (:channel, :recipient, :subject, :body, :reference, :key, :status,
                            case when :inApp then now() end, :now, :subjectKey, :bodyKey, :args, :link)
                        on conflict (idempotency_key) do update set idempotency_key = excluded.idempotency_key
                        returning id
                        """).param("channel", n.channel().name()).param("recipient", cut(n.recipient(), 200))
                .param("subject", cut(n.subject(), 200)).param("body", cut(n.body(), 1000))
                .param("reference", cut(n.reference() == null ? "" : n.reference(), 100))
                .param("key", cut(n.idempotencyKey(), 200)).param("status", inApp ? "SENT" : "PENDING")
                .param("inApp", inApp).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("subjectKey", n.subjectKey()).param("bodyKey", n.bodyKey())
                .param("args", n.textArgs().isEmpty() ? null : n.textArgs().toArray(String[]::new))
                .param("link", n.link() == null ? null : cut(n.link(), 200))
                .query(Long.class).single();
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${yly.notifications.dispatch-interval:PT5S}")
    void scheduled() {
        if (settings.dispatchEnabled()) {
            dispatch();
        }
    }

    private record Pending(long id, String channel, String recipient, String subject, String body, String reference,
                           int attempts) {
    }

    /** Sends every pending message that is due; the number handled. */
    int dispatch() {
        int handled = 0;
        while (true) {
            Boolean one = transactions.execute(status -> {
                List<Pending> next = jdbc.sql("""
                                select id, channel, recipient, subject, body, reference, attempts
                                from notifications.message where status = 'PENDING' and next_attempt_at <= :now
                                order by next_attempt_at, id limit 1 for update skip locked
                                """).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7))).list();
                if (next.isEmpty()) {
                    return false;
                }
                deliver(next.get(0));
                return true;
            });
            if (!Boolean.TRUE.equals(one)) {
                return handled;
            }
            handled++;
        }
    }

    private void deliver(Pending m) {
        try {
            if (m.channel().equals("SMS")) {
                sms.send(m.recipient(), m.subject() + "：" + m.body(), m.reference());
            } else {
                webhook(m);
            }
            jdbc.sql("update notifications.message set status = 'SENT', attempts = attempts + 1, sent_at = now(),"
                    + " last_error = null where id = :id").param("id", m.id()).update();
        } catch (SmsGateway.DeliveryFailed e) {
            int attempts = m.attempts() + 1;
            Duration wait = BACK_OFF.get(Math.min(attempts - 1, BACK_OFF.size() - 1));
            jdbc.sql("""
                            update notifications.message set attempts = :a, last_error = :error,
                                status = case when :a >= :max then 'FAILED' else 'PENDING' end, next_attempt_at = :next
                            where id = :id
                            """).param("a", attempts).param("error", cut(e.getMessage(), 300)).param("max", MAX_ATTEMPTS)
                    .param("next", OffsetDateTime.ofInstant(clock.instant().plus(wait), ZoneOffset.UTC))
                    .param("id", m.id()).update();
        }
    }

    private void webhook(Pending m) {
        String url = settings.webhooks().get(m.recipient());
        if (url == null || url.isBlank()) {
            throw new SmsGateway.DeliveryFailed("no webhook endpoint named " + m.recipient());
        }
        String body = json.writeValueAsString(Map.of("subject", m.subject(), "body", m.body(),
                "reference", m.reference(), "messageId", m.id()));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "yly-notification-" + m.id())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsGateway.DeliveryFailed("webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SmsGateway.DeliveryFailed("webhook unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGateway.DeliveryFailed("interrupted");
        }
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
