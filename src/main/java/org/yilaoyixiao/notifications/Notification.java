package org.yilaoyixiao.notifications;

import java.util.List;

/**
 * A message to send. {@code recipient} is a phone number (SMS), an endpoint name configured under
 * {@code yly.notifications.webhooks.<name>} (WEBHOOK), or {@code division:<code>} for the staff whose scope contains
 * that division or {@code user:<username>} for one user (IN_APP). The same {@code idempotencyKey} twice sends once.
 * <p>
 * {@code subject} and {@code body} are the words sent by SMS and webhook (in Chinese). An in-app message is read on
 * a page in the reader's language: give it message keys and arguments with {@link #withText} ({@link LocalizedText}
 * says how an argument names another message), and a page to open with {@link #withLink}.
 */
public record Notification(Channel channel, String recipient, String subject, String body, String reference,
                           String idempotencyKey, String subjectKey, String bodyKey, List<String> textArgs,
                           String link) {

    public enum Channel { SMS, WEBHOOK, IN_APP }

    public Notification {
        textArgs = textArgs == null ? List.of() : List.copyOf(textArgs);
    }

    public Notification(Channel channel, String recipient, String subject, String body, String reference,
                        String idempotencyKey) {
        this(channel, recipient, subject, body, reference, idempotencyKey, null, null, List.of(), null);
    }

    /** The same message, read in the reader's language from these keys and arguments. */
    public Notification withText(String subjectKey, String bodyKey, List<String> args) {
        return new Notification(channel, recipient, subject, body, reference, idempotencyKey, subjectKey, bodyKey,
                args, link);
    }

    /** The same message, with the page (a path) where the reader acts on it. */
    public Notification withLink(String path) {
        return new Notification(channel, recipient, subject, body, reference, idempotencyKey, subjectKey, bodyKey,
                textArgs, path);
    }

    public static String division(String code) {
        return "division:" + code;
    }

    public static String user(String username) {
        return "user:" + username;
    }
}
