package org.yilaoyixiao.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login-failure handling (等保 2.0: lock after at most 5 failures). {@code apiLoginAuditInterval}: an API client
 * authenticates on every request; a success is written to the audit trail at most once per interval per account, so
 * the trail records sessions of use rather than every call. Failures are always recorded.
 *
 * <p>{@code addressMaxFailures} failed logins (any usernames) from one client address within {@code addressWindow}
 * block that address for the window. Behind a reverse proxy the client address must be forwarded
 * ({@code server.forward-headers-strategy=native}), or every user shares the proxy's address. Addresses in
 * {@code unthrottledAddresses} (a monitoring probe; the tests' loopback) are not counted.
 */
@ConfigurationProperties("yly.security.login")
record LoginPolicy(@DefaultValue("5") int maxFailures,
                   @DefaultValue("10m") Duration lockDuration,
                   @DefaultValue("30m") Duration apiLoginAuditInterval,
                   @DefaultValue("30") int addressMaxFailures,
                   @DefaultValue("10m") Duration addressWindow,
                   @DefaultValue List<String> unthrottledAddresses) {
}
