package org.yilaoyixiao.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted where no account row holds them (table {@code identity.login_throttle}): usernames nobody
 * has, which lock exactly like a real account so that the answer never tells whether an account exists, and client
 * addresses, so that one machine cannot guess its way across many accounts. Each count is one atomic statement:
 * parallel guesses cannot all read "not yet blocked".
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One attempt for a username nobody has: counted like an account's consecutive failures, blocked for
     * {@code blockFor} at the {@code max}-th.
     *
     * @return the failures counted including this one, or empty while blocked (the attempt is not counted)
     */
    Optional<Integer> attemptUnknownUser(String username, int max, Duration blockFor, Instant now) {
        return jdbc.sql("""
                        insert into identity.login_throttle as t (subject, failures, started_at, blocked_until)
                        values (:subject, 1, :now, case when 1 >= :max then cast(:until as timestamptz) end)
                        on conflict (subject) do update set
                            failures = case when t.blocked_until is not null then 1 else t.failures + 1 end,
                            started_at = case when t.blocked_until is not null then :now else t.started_at end,
                            blocked_until = case when t.blocked_until is null and t.failures + 1 >= :max
                                                 then cast(:until as timestamptz) end
                        where t.blocked_until is null or t.blocked_until <= :now
                        returning failures
                        """)
                .param("subject", "user:" + username).param("max", max).param("now", utc(now))
                .param("until", utc(now.plus(blockFor)))
                .query(Integer.class).optional();
    }

    /** Whether the client address is blocked now. */
    boolean addressBlocked(String address, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from identity.login_throttle
                                       where subject = :subject and blocked_until > :now)
                        """)
                .param("subject", "address:" + address).param("now", utc(now)).query(Boolean.class).single();
    }

    /**
     * Counts a failed login from the address within a window starting at its first failure; at the {@code max}-th
     * the address is blocked until the window's end plus nothing more (a later window starts afresh).
     *
     * @return whether the address is now blocked
     */
    boolean addressFailed(String address, int max, Duration window, Instant now) {
        return jdbc.sql("""
                        insert into identity.login_throttle as t (subject, failures, started_at, blocked_until)
                        values (:subject, 1, :now, case when 1 >= :max then cast(:until as timestamptz) end)
                        on conflict (subject) do update set
                            failures = case when t.started_at <= :windowStart then 1 else t.failures + 1 end,
                            started_at = case when t.started_at <= :windowStart then :now else t.started_at end,
                            blocked_until = case
                                when (case when t.started_at <= :windowStart then 1 else t.failures + 1 end) >= :max
                                    then cast(:until as timestamptz)
                                when t.blocked_until > :now then t.blocked_until end
                        returning blocked_until is not null and blocked_until > :now
                        """)
                .param("subject", "address:" + address).param("max", max).param("now", utc(now))
                .param("windowStart", utc(now.minus(window))).param("until", utc(now.plus(window)))
                .query(Boolean.class).single();
    }

    /** Counts that no longer block anyone are dropped once a day, so random usernames do not pile up. */
    @Scheduled(cron = "${yly.security.login.throttle-cleanup-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
    void forgetOldCounts() {
        Instant now = Instant.now();
        jdbc.sql("""
                        delete from identity.login_throttle
                        where started_at < :before and (blocked_until is null or blocked_until < :now)
                        """)
                .param("before", utc(now.minus(Duration.ofDays(1)))).param("now", utc(now)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
