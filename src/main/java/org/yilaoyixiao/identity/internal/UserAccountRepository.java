package org.yilaoyixiao.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.Role;

@Repository
class UserAccountRepository {

    private static final String SELECT = """
            select a.*, coalesce((select string_agg(r.role, ',') from identity.user_role r where r.user_id = a.id), '')
                   as roles
            from identity.user_account a
            """;

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = :username").param("username", username)
                .query(UserAccountRepository::map).optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from identity.user_account where username = :u)")
                .param("u", username).query(Boolean.class).single();
    }

    boolean anyAccount() {
        return jdbc.sql("select exists (select 1 from identity.user_account)").query(Boolean.class).single();
    }

    long insert(String username, String displayName, String passwordHash, boolean mustChange, String divisionCode,
                Bureau bureau, Set<Role> roles, Instant now, String createdBy) {
        long id = jdbc.sql("""
                        insert into identity.user_account
                            (username, display_name, password_hash, password_must_change, division_code, bureau,
                             password_changed_at, created_at, created_by)
                        values (:username, :displayName, :hash, :mustChange, :division, :bureau, :now, :now, :createdBy)
                        returning id
                        """)
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("mustChange", mustChange).param("bureau", bureau == null ? null : bureau.name())
                .param("division", divisionCode).param("now", utc(now)).param("createdBy", createdBy)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("insert into identity.user_role (user_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    /** Whether the account is locked now, read fresh (the row read before may be stale under parallel logins). */
    boolean lockedAt(long id, Instant now) {
        return jdbc.sql("select exists (select 1 from identity.user_account where id = :id and locked_until > :now)")
                .param("id", id).param("now", utc(now)).query(Boolean.class).single();
    }

    /**
     * Counts a wrong password and decides the lock in the same statement, so parallel guesses cannot each read "four
     * failures so far": the one that makes {@code max} locks, later ones keep the lock as it is. A lock that has run
     * out is cleared first and counting starts afresh.
     *
     * @return the consecutive failures including this one, and whether the account is locked after it
     */
    Failure recordLoginFailure(long id, int max, Instant until, Instant now) {
        return jdbc.sql("""
                        update identity.user_account set
                            failed_attempts = case when locked_until is not null and locked_until <= :now then 1
                                                   else failed_attempts + 1 end,
                            locked_until = case
                                when locked_until > :now then locked_until
                                when (case when locked_until is not null and locked_until <= :now then 1
                                           else failed_attempts + 1 end) >= :max then :until
                                end
                        where id = :id
                        returning failed_attempts, locked_until > :now as locked
                        """)
                .param("id", id).param("max", max).param("until", utc(until)).param("now", utc(now))
                .query((rs, i) -> new Failure(rs.getInt("failed_attempts"), rs.getBoolean("locked"))).single();
    }

    record Failure(int failures, boolean locked) {
    }

    /**
     * Counts one failed attempt after the fact (a wrong current password when changing it). A lock that has run out is
     * cleared first, so counting starts afresh.
     *
     * @return the number of consecutive failures including this one
     */
    int recordFailure(long id, Instant now) {
        return jdbc.sql("""
                        update identity.user_account set
                            failed_attempts = case when locked_until is not null and locked_until <= :now then 1
                                                   else failed_attempts + 1 end,
                            locked_until = case when locked_until is not null and locked_until <= :now then null
                                                else locked_until end
                        where id = :id
                        returning failed_attempts
                        """)
                .param("id", id).param("now", utc(now)).query(Integer.class).single();
    }

    void lock(long id, Instant until) {
        jdbc.sql("update identity.user_account set locked_until = :until, failed_attempts = 0 where id = :id")
                .param("id", id).param("until", utc(until)).update();
    }

    /**
     * A right password: the count starts again, unless a parallel attempt locked the account meanwhile — a right
     * guess never clears a lock.
     *
     * @param loggedIn whether to note the time as the last login
     * @return false when the account is locked
     */
    boolean succeed(long id, Instant now, boolean loggedIn) {
        return jdbc.sql("""
                        update identity.user_account
                        set failed_attempts = 0, locked_until = null,
                            last_login_at = case when :loggedIn then :now else last_login_at end
                        where id = :id and (locked_until is null or locked_until <= :now)
                        """)
                .param("id", id).param("now", utc(now)).param("loggedIn", loggedIn).update() == 1;
    }

    void changePassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                        update identity.user_account
                        set password_hash = :hash, password_must_change = :mustChange, password_changed_at = :now,
                            -- a password set by someone else ends the sessions opened with the old one
                            session_stamp = session_stamp + case when :mustChange then 1 else 0 end
                        where id = :id
                        """)
                .param("id", id).param("hash", passwordHash).param("mustChange", mustChange).param("now", utc(now))
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update identity.user_account set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("""
                        update identity.user_account
                        set enabled = :enabled, session_stamp = session_stamp + case when :enabled then 0 else 1 end
                        where id = :id
                        """)
                .param("id", id).param("enabled", enabled).update();
    }

    /** Whether a session opened with this stamp may go on: the account is enabled and nothing ended its sessions. */
    boolean sessionValid(long id, int stamp) {
        return jdbc.sql("""
                        select exists (select 1 from identity.user_account
                                       where id = :id and enabled and session_stamp = :stamp)
                        """)
                .param("id", id).param("stamp", stamp).query(Boolean.class).single();
    }

    /** Accounts in the divisions whose username or name contains the text (any case); all of them without one. */
    PageResponse<UserAccount> findInDivisions(Collection<String> divisionCodes, String text, PageRequest page) {
        return find(divisionCodes, new AccountCriteria(text, null, null, null), Instant.now(), page);
    }

    /**
     * Accounts in the divisions matching the criteria, by username. {@code divisionCodes} is the administrator's
     * scope, already narrowed to the chosen division's subtree.
     */
    PageResponse<UserAccount> find(Collection<String> divisionCodes, AccountCriteria criteria, Instant now,
                                   PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("codes", divisionCodes.toArray(String[]::new));
        StringBuilder where = new StringBuilder(" where a.division_code = any(:codes)");
        if (criteria.text() != null && !criteria.text().isBlank()) {
            where.append(" and (a.username ilike :pattern or a.display_name ilike :pattern)");
            params.put("pattern", "%" + org.yilaoyixiao.platform.persistence.LikePattern.literal(criteria.text().strip())
                    + "%");
        }
        if (criteria.role() != null) {
            where.append(" and exists (select 1 from identity.user_role r where r.user_id = a.id and r.role = :role)");
            params.put("role", criteria.role().name());
        }
        if (criteria.status() != null) {
            where.append(" and ").append(statusCondition(criteria.status()));
            params.put("now", utc(now));
            params.put("staleBefore", utc(AccountCriteria.staleBefore(now)));
        }
        long total = jdbc.sql("select count(*) from identity.user_account a" + where).params(params)
                .query(Long.class).single();
        List<UserAccount> items = jdbc.sql(SELECT + where + " order by a.username limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(UserAccountRepository::map).list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many accounts in the divisions are in a state, for the administrators' inbox. */
    long count(Collection<String> divisionCodes, AccountCriteria.Status status, Instant now) {
        return jdbc.sql("select count(*) from identity.user_account a where a.division_code = any(:codes) and "
                        + statusCondition(status))
                .param("codes", divisionCodes.toArray(String[]::new)).param("now", utc(now))
                .param("staleBefore", utc(AccountCriteria.staleBefore(now)))
                .query(Long.class).single();
    }

    private static String statusCondition(AccountCriteria.Status status) {
        return switch (status) {
            case ACTIVE -> "a.enabled and (a.locked_until is null or a.locked_until <= :now)";
            case LOCKED -> "a.locked_until > :now";
            case DISABLED -> "not a.enabled";
            case NEVER_USED -> "a.enabled and a.last_login_at is null and a.password_must_change"
                    + " and a.password_changed_at < :staleBefore";
        };
    }

    Map<String, Long> countByDivision(Collection<String> divisionCodes) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        select division_code, count(*) as n from identity.user_account
                        where division_code = any(:codes) and enabled group by division_code
                        """)
                .param("codes", divisionCodes.toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString("division_code"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String joined = rs.getString("roles");
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getString("division_code"),
                rs.getString("bureau") == null ? null : Bureau.valueOf(rs.getString("bureau")), rs.getBoolean("enabled"),
                rs.getBoolean("password_must_change"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "last_login_at"),
                instant(rs, "created_at"), rs.getString("created_by"), roles, rs.getInt("session_stamp"));
    }
}
