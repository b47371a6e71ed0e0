package org.yilaoyixiao.notifications.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yly.notifications.*}: the SMS gateway (none: the local logging stand-in), the named webhook endpoints
 * (e.g. {@code police}), and whether the dispatcher runs on its own (tests dispatch themselves).
 */
@ConfigurationProperties("yly.notifications")
record NotificationSettings(Sms sms, Map<String, String> webhooks, Boolean dispatchEnabled) {

    record Sms(String url, String key) {
    }

    NotificationSettings {
        sms = sms == null ? new Sms(null, null) : sms;
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        dispatchEnabled = dispatchEnabled == null || dispatchEnabled;
    }
}
