package org.yilaoyixiao.funds.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The funds schema through JdbcClient. Institution names and divisions come from facilities' published view. */
@Repository
class FundsRepository {

    private static final String ACCOUNT_SELECT = """
            select a.*, i.name as institution_name, i.division_code,
                   round(a.minimum_ratio * coalesce((select sum(o.amount) from funds.obligation o
                                                     where o.custody_account_id = a.id), 0), 2) as required_minimum,
                   exists (select 1 from funds.hold h where h.custody_account_id = a.id
                           and h.released_at is null) as on_hold
            from funds.custody_account a
            join facilities.published_institution i on i.id = a.institution_id
            """;

    private final JdbcClient jdbc;

    FundsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Account(long id, long institutionId, String institutionName, String divisionCode, String bank,
                   byte[] accountNumberCipher, String accountNumberMasked, BigDecimal minimumRatio, BigDecimal balance,
                   BigDecimal requiredMinimum, boolean onHold, Instant createdAt, String createdBy) {

        public AccountStatus status() {
            if (onHold) {
                return AccountStatus.ON_HOLD;
            }
            return balance.compareTo(requiredMinimum) < 0 ? AccountStatus.BELOW_MINIMUM : AccountStatus.NORMAL;
        }
    }

    record Designated(long id, String accountNumber, String label) {
    }

    record Obligation(long id, long personId, String kind, BigDecimal amount, String refundSchedule,
                      Instant createdAt) {
    }

    record Movement(long id, String bankRef, Instant at, BigDecimal amount, String direction,
                    String counterpartyAccount, String purpose, boolean refund, BigDecimal balanceAfter,
                    String source) {

        public boolean outflow() {
            return "OUT".equals(direction);
        }
    }

    record Hold(long id, long accountId, Instant effectiveFrom, Instant placedAt, String placedBy, String reason,
                Instant releasedAt, String releasedBy, String releaseReason) {

        public boolean automatic() {
            return placedBy == null;
        }
    }

    record Alert(long id, long accountId, long institutionId, String institutionName, String kind, String status,
                 Long movementId, Long holdId, BigDecimal balance, BigDecimal requiredMinimum, BigDecimal amount,
                 Instant raisedAt, Instant eventAt, String acknowledgedBy, String resolvedBy, String resolution) {
    }

    record Notice(long id, long alertId, BigDecimal shortfall, BigDecimal requiredMinimum, BigDecimal balance,
                  Instant issuedAt) {
    }

    // --- accounts ---------------------------------------------------------------------------------------------

    boolean accountExistsFor(long institutionId) {
        return jdbc.sql("select exists (select 1 from funds.custody_account where institution_id = :i)")
                .param("i", institutionId).query(Boolean.class).single();
    }

    long insertAccount(long institutionId, String bank, byte[] cipher, String masked, BigDecimal ratio, Instant now,
                       String by) {
        return jdbc.sql("""
                        insert into funds.custody_account (institution_id, bank, account_number_cipher,
                            account_number_masked, minimum_ratio, created_at, created_by)
                        values (:i, :b, :c, :m, :r, :now, :by) returning id""")
                .param("i", institutionId).param("b", bank).param("c", cipher).param("m", masked).param("r", ratio)
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
    }

    Optional<Account> account(long id) {
        return jdbc.sql(ACCOUNT_SELECT + " where a.id = :id").param("id", id).query(FundsRepository::account)
                .optional();
    }

    /** Serialises the movements and holds of one account. */
    void lock(long id) {
        jdbc.sql("select id from funds.custody_account where id = :id for update").param("id", id).query(Long.class)
                .optional();
    }

    List<Account> accountsIn(Collection<String> divisionCodes) {
        return jdbc.sql(ACCOUNT_SELECT + " where i.division_code = any(:codes) order by i.name, a.id")
                .param("codes", divisionCodes.toArray(String[]::new)).query(FundsRepository::account).list();
    }

    private static final String STATUS = "case when x.on_hold then 'ON_HOLD' "
            + "when x.balance < x.required_minimum then 'BELOW_MINIMUM' else 'NORMAL' end";

    /**
     * One page of the accounts in the divisions, riskiest first (on hold, then below the minimum, then normal), then
     * by institution name; a status or one institution narrows them.
     */
    org.yilaoyixiao.platform.api.PageResponse<Account> accountsPage(Collection<String> divisionCodes, String status,
                                                                    Long institutionId,
                                                                    org.yilaoyixiao.platform.api.PageRequest page) {
        String from = " from (" + ACCOUNT_SELECT + " where i.division_code = any(:codes)"
                + " and (cast(:inst as bigint) is null or a.institution_id = :inst)) x"
                + " where (cast(:status as varchar) is null or " + STATUS + " = :status)";
        long total = jdbc.sql("select count(*)" + from).param("codes", divisionCodes.toArray(String[]::new))
                .param("inst", institutionId).param("status", status).query(Long.class).single();
        List<Account> items = jdbc.sql("select x.*" + from + " order by case " + STATUS
                        + " when 'ON_HOLD' then 0 when 'BELOW_MINIMUM' then 1 else 2 end, x.institution_name, x.id"
                        + " limit :limit offset :offset")
                .param("codes", divisionCodes.toArray(String[]::new)).param("inst", institutionId)
                .param("status", status).param("limit", page.size()).param("offset", page.offset())
                .query(FundsRepository::account).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** How many accounts of the divisions are in each risk status. */
    java.util.Map<String, Long> statusCounts(Collection<String> divisionCodes) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String s : List.of("ON_HOLD", "BELOW_MINIMUM", "NORMAL")) {
            counts.put(s, 0L);
        }
        jdbc.sql("select " + STATUS + " as status, count(*) from (" + ACCOUNT_SELECT
                        + " where i.division_code = any(:codes)) x group by 1")
                .param("codes", divisionCodes.toArray(String[]::new))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    void setBalance(long id, BigDecimal balance) {
        jdbc.sql("update funds.custody_account set balance = :b where id = :id").param("b", balance).param("id", id)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("division_code"), rs.getString("bank"), rs.getBytes("account_number_cipher"),
                rs.getString("account_number_masked"), rs.getBigDecimal("minimum_ratio"),
                rs.getBigDecimal("balance"), rs.getBigDecimal("required_minimum"), rs.getBoolean("on_hold"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    // --- designated accounts and obligations ---------------------------------------------------------------------

    boolean addDesignated(long accountId, String number, String label, String by) {
        return jdbc.sql("""
                        insert into funds.designated_account (custody_account_id, account_number, label, created_by)
                        values (:a, :n, :l, :by) on conflict do nothing""")
                .param("a", accountId).param("n", number).param("l", label).param("by", by).update() == 1;
    }

    List<Designated> designated(long accountId) {
        return jdbc.sql("select id, account_number, label from funds.designated_account where custody_account_id = :a"
                        + " order by id").param("a", accountId)
                .query((rs, n) -> new Designated(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    long insertObligation(long accountId, long personId, String kind, BigDecimal amount, String scheduleJson,
                          Instant now, String by) {
        return jdbc.sql("""
                        insert into funds.obligation (custody_account_id, person_id, kind, amount, refund_schedule,
                            created_at, created_by)
                        values (:a, :p, :k, :amt, cast(:s as jsonb), :now, :by) returning id""")
                .param("a", accountId).param("p", personId).param("k", kind).param("amt", amount)
                .param("s", scheduleJson).param("now", Timestamp.from(now)).param("by", by)
                .query(Long.class).single();
    }

    List<Obligation> obligations(long accountId) {
        return jdbc.sql("select * from funds.obligation where custody_account_id = :a order by id")
                .param("a", accountId)
                .query((rs, n) -> new Obligation(rs.getLong("id"), rs.getLong("person_id"), rs.getString("kind"),
                        rs.getBigDecimal("amount"), rs.getString("refund_schedule"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    // --- movements --------------------------------------------------------------------------------------------

    boolean movementExists(long accountId, String bankRef) {
        return jdbc.sql("select exists (select 1 from funds.movement where custody_account_id = :a and bank_ref = :r)")
                .param("a", accountId).param("r", bankRef).query(Boolean.class).single();
    }

    long insertMovement(long accountId, MovementInput m, boolean refund, String source, Instant now, String by) {
        return jdbc.sql("""
                        insert into funds.movement (custody_account_id, bank_ref, at, amount, direction,
                            counterparty_account, purpose, refund, balance_after, source, received_at, received_by)
                        values (:a, :r, :at, :amt, :d, :cp, :p, :refund, 0, :src, :now, :by) returning id""")
                .param("a", accountId).param("r", m.bankRef()).param("at", Timestamp.from(m.at()))
                .param("amt", m.amount()).param("d", m.direction()).param("cp", m.counterpartyAccount())
                .param("p", m.purpose()).param("refund", refund).param("src", source)
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
    }

    /**
     * Recomputes the balance after every movement in event-time order (a late statement may bring an earlier
     * movement) and returns the balance after the last one.
     */
    BigDecimal rebalance(long accountId) {
        jdbc.sql("""
                        update funds.movement m set balance_after = s.running
                        from (select id, sum(case direction when 'IN' then amount else -amount end)
                                         over (order by at, id) as running
                              from funds.movement where custody_account_id = :a) s
                        where m.id = s.id""")
                .param("a", accountId).update();
        return jdbc.sql("select coalesce(sum(case direction when 'IN' then amount else -amount end), 0)"
                        + " from funds.movement where custody_account_id = :a")
                .param("a", accountId).query(BigDecimal.class).single();
    }

    Movement movement(long id) {
        return jdbc.sql("select * from funds.movement where id = :id").param("id", id)
                .query(FundsRepository::movement).single();
    }

    List<Movement> movements(long accountId) {
        return jdbc.sql("select * from funds.movement where custody_account_id = :a order by at, id")
                .param("a", accountId).query(FundsRepository::movement).list();
    }

    /** Outflows (refunds included) with an amount in [floor, ceiling] in the window (from, to]. */
    int outflowsBetween(long accountId, BigDecimal floor, BigDecimal ceiling, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from funds.movement where custody_account_id = :a and direction = 'OUT'
                        and amount >= :floor and amount <= :ceil and at > :from and at <= :to""")
                .param("a", accountId).param("floor", floor).param("ceil", ceiling)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Integer.class).single();
    }

    private static Movement movement(ResultSet rs, int row) throws SQLException {
        return new Movement(rs.getLong("id"), rs.getString("bank_ref"), rs.getTimestamp("at").toInstant(),
                rs.getBigDecimal("amount"), rs.getString("direction"), rs.getString("counterparty_account"),
                rs.getString("purpose"), rs.getBoolean("refund"), rs.getBigDecimal("balance_after"),
                rs.getString("source"));
    }

    void recordImport(long accountId, String fileName, String format, int rows, int accepted, int duplicates,
                      Instant now, String by) {
        jdbc.sql("""
                        insert into funds.statement_import (custody_account_id, file_name, format, rows, accepted,
                            duplicates, imported_at, imported_by) values (:a, :f, :fmt, :r, :acc, :dup, :now, :by)""")
                .param("a", accountId).param("f", fileName).param("fmt", format).param("r", rows)
                .param("acc", accepted).param("dup", duplicates).param("now", Timestamp.from(now)).param("by", by)
                .update();
    }

    // --- holds --------------------------------------------------------------------------------------------------

    Optional<Hold> activeHold(long accountId) {
        return jdbc.sql("select * from funds.hold where custody_account_id = :a and released_at is null")
                .param("a", accountId).query(FundsRepository::hold).optional();
    }

    /** Whether a hold covered the given event time (a hold released later still covered it). */
    boolean heldAt(long accountId, Instant at) {
        return jdbc.sql("""
                        select exists (select 1 from funds.hold where custody_account_id = :a and effective_from <= :at
                                       and (released_at is null or released_at > :at))""")
                .param("a", accountId).param("at", Timestamp.from(at)).query(Boolean.class).single();
    }

    long insertHold(long accountId, Instant effectiveFrom, Instant now, String placedBy, String reason) {
        return jdbc.sql("""
                        insert into funds.hold (custody_account_id, effective_from, placed_at, placed_by, reason)
                        values (:a, :from, :now, :by, :reason) returning id""")
                .param("a", accountId).param("from", Timestamp.from(effectiveFrom)).param("now", Timestamp.from(now))
                .param("by", placedBy).param("reason", reason).query(Long.class).single();
    }

    void releaseHold(long holdId, Instant now, String by, String reason) {
        jdbc.sql("update funds.hold set released_at = :now, released_by = :by, release_reason = :r where id = :id")
                .param("now", Timestamp.from(now)).param("by", by).param("r", reason).param("id", holdId).update();
    }

    List<Hold> holds(long accountId) {
        return jdbc.sql("select * from funds.hold where custody_account_id = :a order by placed_at desc, id desc")
                .param("a", accountId).query(FundsRepository::hold).list();
    }

    private static Hold hold(ResultSet rs, int row) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new Hold(rs.getLong("id"), rs.getLong("custody_account_id"),
                rs.getTimestamp("effective_from").toInstant(), rs.getTimestamp("placed_at").toInstant(),
                rs.getString("placed_by"), rs.getString("reason"), released == null ? null : released.toInstant(),
                rs.getString("released_by"), rs.getString("release_reason"));
    }

    // --- alerts and notices ---------------------------------------------------------------------------------------

    long insertAlert(long accountId, String kind, Long movementId, Long holdId, BigDecimal balance,
                     BigDecimal required, BigDecimal amount, Instant eventAt, Instant now) {
        return jdbc.sql("""
                        insert into funds.alert (custody_account_id, kind, status, movement_id, hold_id, balance,
                            required_minimum, amount, raised_at, event_at)
                        values (:a, :k, 'OPEN', :m, :h, :b, :req, :amt, :now, :at) returning id""")
                .param("a", accountId).param("k", kind).param("m", movementId).param("h", holdId)
                .param("b", balance).param("req", required).param("amt", amount).param("now", Timestamp.from(now))
                .param("at", Timestamp.from(eventAt)).query(Long.class).single();
    }

    Optional<Long> unresolvedAlert(long accountId, String kind) {
        return jdbc.sql("select id from funds.alert where custody_account_id = :a and kind = :k"
                        + " and status <> 'RESOLVED' order by id limit 1")
                .param("a", accountId).param("k", kind).query(Long.class).optional();
    }

    void resolveAlert(long alertId, Instant now, String by, String resolution) {
        jdbc.sql("""
                        update funds.alert set status = 'RESOLVED', resolved_at = :now, resolved_by = :by,
                            resolution = :r where id = :id and status <> 'RESOLVED'""")
                .param("now", Timestamp.from(now)).param("by", by).param("r", resolution).param("id", alertId)
                .update();
    }

    /** Resolves every unresolved alert of an account that led to or broke the given hold. */
    /** The alerts a release of this hold would resolve (see {@link #resolveHoldAlerts}). */
    List<Long> holdAlerts(long accountId, long holdId) {
        return jdbc.sql("""
                        select id from funds.alert where custody_account_id = :a and status <> 'RESOLVED'
                          and (hold_id = :h or kind = 'HOLD_VIOLATION') order by id""")
                .param("a", accountId).param("h", holdId).query(Long.class).list();
    }

    /** The newest movement's id (0 when none): a release preview is stale once another movement arrives. */
    long lastMovementId(long accountId) {
        return jdbc.sql("select coalesce(max(id), 0) from funds.movement where custody_account_id = :a")
                .param("a", accountId).query(Long.class).single();
    }

    List<Long> resolveHoldAlerts(long accountId, long holdId, Instant now, String by, String resolution) {
        return jdbc.sql("""
                        update funds.alert set status = 'RESOLVED', resolved_at = :now, resolved_by = :by,
                            resolution = :r
                        where custody_account_id = :a and status <> 'RESOLVED'
                          and (hold_id = :h or kind = 'HOLD_VIOLATION') returning id""")
                .param("now", Timestamp.from(now)).param("by", by).param("r", resolution).param("a", accountId)
                .param("h", holdId).query(Long.class).list();
    }

    boolean acknowledge(long alertId, Instant now, String by) {
        return jdbc.sql("""
                        update funds.alert set status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by
                        where id = :id and status = 'OPEN'""")
                .param("now", Timestamp.from(now)).param("by", by).param("id", alertId).update() == 1;
    }

    private static final String ALERT_SELECT = """
            select al.*, a.institution_id, i.name as institution_name
            from funds.alert al
            join funds.custody_account a on a.id = al.custody_account_id
            join facilities.published_institution i on i.id = a.institution_id
            """;

    List<Alert> alerts(Collection<String> divisionCodes, String status, Long accountId, int limit) {
        return jdbc.sql(ALERT_SELECT + """
                         where i.division_code = any(:codes) and (cast(:s as varchar) is null or al.status = :s)
                           and (cast(:acc as bigint) is null or al.custody_account_id = :acc)
                         order by al.raised_at desc, al.id desc limit :limit""")
                .param("codes", divisionCodes.toArray(String[]::new)).param("s", status).param("acc", accountId)
                .param("limit", limit).query(FundsRepository::alert).list();
    }

    /** Narrows the alert list: a status, a kind, one account, the month of the event; nulls match everything. */
    record AlertFilter(String status, String kind, Long institutionId, java.time.YearMonth month) {
    }

    private static final String ALERT_WHERE = """
             where i.division_code = any(:codes) and (cast(:s as varchar) is null or al.status = :s)
               and (cast(:k as varchar) is null or al.kind = :k)
               and (cast(:inst as bigint) is null or a.institution_id = :inst)
               and (cast(:from as timestamptz) is null or (al.event_at >= :from and al.event_at < :to))
            """;

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Collection<String> divisionCodes,
                                          AlertFilter filter) {
        java.time.ZoneId zone = org.yilaoyixiao.platform.time.BusinessTime.ZONE;
        return spec.param("codes", divisionCodes.toArray(String[]::new)).param("s", filter.status())
                .param("k", filter.kind()).param("inst", filter.institutionId())
                .param("from", filter.month() == null ? null
                        : Timestamp.from(filter.month().atDay(1).atStartOfDay(zone).toInstant()))
                .param("to", filter.month() == null ? null
                        : Timestamp.from(filter.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }

    /** One page of the alerts in the divisions, newest first, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Alert> alertsPage(Collection<String> divisionCodes, AlertFilter filter,
                                                                org.yilaoyixiao.platform.api.PageRequest page) {
        long total = bind(jdbc.sql("""
                        select count(*) from funds.alert al
                        join funds.custody_account a on a.id = al.custody_account_id
                        join facilities.published_institution i on i.id = a.institution_id
                        """ + ALERT_WHERE), divisionCodes, filter).query(Long.class).single();
        List<Alert> items = bind(jdbc.sql(ALERT_SELECT + ALERT_WHERE
                        + " order by al.raised_at desc, al.id desc limit :limit offset :offset"), divisionCodes, filter)
                .param("limit", page.size()).param("offset", page.offset()).query(FundsRepository::alert).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Open alerts in the divisions: the inbox count. */
    long openAlerts(Collection<String> divisionCodes) {
        return jdbc.sql("""
                        select count(*) from funds.alert al
                        join funds.custody_account a on a.id = al.custody_account_id
                        join facilities.published_institution i on i.id = a.institution_id
                        where al.status = 'OPEN' and i.division_code = any(:codes)""")
                .param("codes", divisionCodes.toArray(String[]::new)).query(Long.class).single();
    }

    /** One page of an account's movements, newest first. */
    org.yilaoyixiao.platform.api.PageResponse<Movement> movementsPage(long accountId,
                                                                      org.yilaoyixiao.platform.api.PageRequest page) {
        long total = jdbc.sql("select count(*) from funds.movement where custody_account_id = :a")
                .param("a", accountId).query(Long.class).single();
        List<Movement> items = jdbc.sql("select * from funds.movement where custody_account_id = :a"
                        + " order by at desc, id desc limit :limit offset :offset")
                .param("a", accountId).param("limit", page.size()).param("offset", page.offset())
                .query(FundsRepository::movement).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(items, page.page(), page.size(), total);
    }

    Optional<Alert> alert(long id) {
        return jdbc.sql(ALERT_SELECT + " where al.id = :id").param("id", id).query(FundsRepository::alert).optional();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getLong("custody_account_id"), rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("kind"), rs.getString("status"),
                (Long) rs.getObject("movement_id"), (Long) rs.getObject("hold_id"), rs.getBigDecimal("balance"),
                rs.getBigDecimal("required_minimum"), rs.getBigDecimal("amount"),
                rs.getTimestamp("raised_at").toInstant(), rs.getTimestamp("event_at").toInstant(),
                rs.getString("acknowledged_by"), rs.getString("resolved_by"), rs.getString("resolution"));
    }

    void insertNotice(long accountId, long alertId, BigDecimal shortfall, BigDecimal required, BigDecimal balance,
                      Instant now) {
        jdbc.sql("""
                        insert into funds.top_up_notice (custody_account_id, alert_id, shortfall, required_minimum,
                            balance, issued_at) values (:a, :al, :s, :r, :b, :now)""")
                .param("a", accountId).param("al", alertId).param("s", shortfall).param("r", required)
                .param("b", balance).param("now", Timestamp.from(now)).update();
    }

    List<Notice> notices(long accountId) {
        return jdbc.sql("select * from funds.top_up_notice where custody_account_id = :a order by id desc")
                .param("a", accountId)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getLong("alert_id"), rs.getBigDecimal("shortfall"),
                        rs.getBigDecimal("required_minimum"), rs.getBigDecimal("balance"),
                        rs.getTimestamp("issued_at").toInstant())).list();
    }
}
