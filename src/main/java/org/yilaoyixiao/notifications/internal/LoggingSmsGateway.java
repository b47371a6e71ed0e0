package org.yilaoyixiao.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in where no SMS gateway is configured (development, demo): the message is written to the log with
 * the phone number masked, and counts as sent. The outbox row keeps the full message for inspection.
 */
final class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text, String reference) {
        String masked = phone.length() > 7 ? phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4)
                : "****";
        log.info("SMS (local, no gateway configured) to {} [{}]: {}", masked, reference, text);
    }
}
