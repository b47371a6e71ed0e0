package org.yilaoyixiao.notifications;

/**
 * A message to send. {@code recipient} is a phone number (SMS), an endpoint name configured under
 * {@code yly.notifications.webhooks.<name>} (WEBHOOK), or {@code division:<code>} for the staff whose scope contains
 * that division or {@code user:<username>} for one user (IN_APP). The same {@code idempotencyKey} twice sends once.
 */
public record Notification(Channel channel, String recipient, String subject, String body, String reference,
                           String idempotencyKey) {

    public enum Channel { SMS, WEBHOOK, IN_APP }

    public static String division(String code) {
        return "division:" + code;
    }

    public static String user(String username) {
        return "user:" + username;
    }
}
