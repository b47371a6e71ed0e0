package org.yilaoyixiao.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login-failure handling (等保 2.0: lock after at most 5 failures). {@code apiLoginAuditInterval}: an API client
 * authenticates on every request; a success is written to the audit trail at most once per interval per account, so
 * the trail records sessions of use rather than every call. Failures are always recorded.
 */
@ConfigurationProperties("yly.security.login")
record LoginPolicy(@DefaultValue("5") int maxFailures,
                   @DefaultValue("10m") Duration lockDuration,
                   @DefaultValue("30m") Duration apiLoginAuditInterval) {
}
