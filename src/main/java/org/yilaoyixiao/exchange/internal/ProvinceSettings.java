package org.yilaoyixiao.exchange.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yly.exchange.province.*}: the province platform's endpoint and token (none: payloads are written as files to
 * {@code directory}, the embedded default), whether the dispatcher and the nightly export run on their own (tests
 * drive them), and the back-off between attempts.
 */
@ConfigurationProperties("yly.exchange.province")
record ProvinceSettings(String url, String token, String directory, Boolean dispatchEnabled, Boolean exportEnabled,
                        Integer maxAttempts, Duration firstRetry) {

    ProvinceSettings {
        directory = directory == null || directory.isBlank() ? "data/province-outbox" : directory;
        dispatchEnabled = dispatchEnabled == null || dispatchEnabled;
        exportEnabled = exportEnabled == null || exportEnabled;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
    }

    boolean http() {
        return url != null && !url.isBlank();
    }
}
