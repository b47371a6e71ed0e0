package org.yilaoyixiao.lovecard.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.lovecard.FundingSource;

@Repository
class LoveCardRepository {

    private final JdbcClient jdbc;

    LoveCardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean cardExists(long personId) {
        return jdbc.sql("select exists (select 1 from lovecard.card where person_id = :p)").param("p", personId)
                .query(Boolean.class).single();
    }

    /** True when the card is new. */
    boolean openCard(long personId, String divisionCode, String actor) {
        return jdbc.sql("insert into lovecard.card (person_id, division_code, opened_by) values (:p, :d, :a)"
                        + " on conflict (person_id) do nothing")
                .param("p", personId).param("d", divisionCode).param("a", actor).update() == 1;
    }

    /** Serialises payments and top-ups on one card until the transaction ends. */
    boolean lockCard(long personId) {
        return jdbc.sql("select person_id from lovecard.card where person_id = :p for update").param("p", personId)
                .query(Long.class).optional().isPresent();
    }

    record TopUp(long id, long personId, FundingSource source, BigDecimal amount, String reference, String donor,
                 String idempotencyKey, long ledgerTx, Instant createdAt, String createdBy) {
    }

    /** Inserts the top-up unless its key is known; true when inserted. */
    boolean insertTopUp(long personId, FundingSource source, BigDecimal amount, String reference, String donor,
                        String key, Long allocationId, long ledgerTx, String actor) {
        return jdbc.sql("""
                        insert into lovecard.top_up (person_id, source, amount, reference, donor, idempotency_key,
                            allocation_id, ledger_tx, created_by)
                        values (:p, :source, :amount, :reference, :donor, :key, :allocation, :tx, :actor)
                        on conflict (idempotency_key) do nothing
                        """).param("p", personId).param("source", source.name()).param("amount", amount)
                .param("reference", reference).param("donor", donor).param("key", key)
                .param("allocation", allocationId).param("tx", ledgerTx).param("actor", actor).update() == 1;
    }

    Optional<TopUp> topUpByKey(String key) {
        return jdbc.sql("select * from lovecard.top_up where idempotency_key = :key").param("key", key)
                .query((rs, i) -> new TopUp(rs.getLong("id"), rs.getLong("person_id"),
                        FundingSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
                        rs.getString("reference"), rs.getString("donor"), rs.getString("idempotency_key"),
                        rs.getLong("ledger_tx"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("created_by"))).optional();
    }

    /** What each top-up transaction of a card says about itself (reference, donor), by ledger transaction id. */
    Map<Long, String> topUpReferences(long personId) {
        Map<Long, String> references = new java.util.HashMap<>();
        jdbc.sql("select ledger_tx, reference, donor from lovecard.top_up where person_id = :p").param("p", personId)
                .query((rs, i) -> references.put(rs.getLong(1), rs.getString(2)
                        + (rs.getString(3) == null ? "" : " · " + rs.getString(3)))).list();
        return references;
    }

    record Payment(long orderId, long personId, BigDecimal price, BigDecimal cardPaid, BigDecimal selfPay,
                   Long ledgerTx, Long refundTx) {
    }

    Optional<Payment> payment(long orderId) {
        return jdbc.sql("select order_id, person_id, price, card_paid, self_pay, ledger_tx, refund_tx"
                        + " from lovecard.payment where order_id = :o").param("o", orderId)
                .query((rs, i) -> new Payment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), (Long) rs.getObject(6), (Long) rs.getObject(7))).optional();
    }

    void insertPayment(long orderId, long personId, String divisionCode, String category, String itemCode,
                       BigDecimal price, Map<FundingSource, BigDecimal> parts, BigDecimal cardPaid, String rule,
                       Long ledgerTx) {
        jdbc.sql("""
                        insert into lovecard.payment (order_id, person_id, division_code, category, item_code, price,
                            card_paid, self_pay, rule, ledger_tx)
                        values (:o, :p, :d, :category, :item, :price, :paid, :self, :rule, :tx)
                        """).param("o", orderId).param("p", personId).param("d", divisionCode)
                .param("category", category).param("item", itemCode).param("price", price).param("paid", cardPaid)
                .param("self", price.subtract(cardPaid)).param("rule", rule).param("tx", ledgerTx).update();
        parts.forEach((source, amount) -> jdbc.sql("""
                        insert into lovecard.payment_part (order_id, source, amount) values (:o, :s, :a)
                        """).param("o", orderId).param("s", source.name()).param("a", amount).update());
    }

    void markRefunded(long orderId, long refundTx) {
        jdbc.sql("update lovecard.payment set refund_tx = :tx, refunded_at = now() where order_id = :o")
                .param("tx", refundTx).param("o", orderId).update();
    }

    Map<Long, Long> paymentOrders(long personId) {
        Map<Long, Long> byTx = new java.util.HashMap<>();
        jdbc.sql("select ledger_tx, order_id from lovecard.payment where person_id = :p and ledger_tx is not null"
                        + " union all select refund_tx, order_id from lovecard.payment where person_id = :p"
                        + " and refund_tx is not null").param("p", personId)
                .query((rs, i) -> byTx.put(rs.getLong(1), rs.getLong(2))).list();
        return byTx;
    }

    record CardRow(long personId, String divisionCode, Instant openedAt) {
    }

    /** The holders of these cards, from the registry's published view, in one query. */
    java.util.Map<Long, org.yilaoyixiao.registry.PersonSummary> holders(List<Long> personIds) {
        java.util.Map<Long, org.yilaoyixiao.registry.PersonSummary> holders = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return holders;
        }
        jdbc.sql("select id, name, birth_date, residence_division_code, id_number_masked, status"
                        + " from registry.published_person where id = any(:ids)")
                .param("ids", personIds.toArray(Long[]::new))
                .query(rs -> {
                    holders.put(rs.getLong(1), new org.yilaoyixiao.registry.PersonSummary(rs.getLong(1),
                            rs.getString(2), rs.getObject(3, java.time.LocalDate.class), rs.getString(4),
                            rs.getString(5), org.yilaoyixiao.registry.RecordStatus.valueOf(rs.getString(6))));
                });
        return holders;
    }

    List<CardRow> cardsIn(Set<String> divisionCodes, int limit, long offset) {
        if (divisionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select person_id, division_code, opened_at from lovecard.card where division_code in (:d)"
                        + " order by opened_at desc, person_id desc limit :limit offset :offset")
                .param("d", divisionCodes).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new CardRow(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    long countCardsIn(Set<String> divisionCodes) {
        if (divisionCodes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from lovecard.card where division_code in (:d)").param("d", divisionCodes)
                .query(Long.class).single();
    }

    /** Per funding source over cards in the divisions: topped up, paid for services and refunded, in a period. */
    Map<FundingSource, BigDecimal[]> funderTotals(Set<String> divisionCodes, Instant from, Instant to) {
        Map<FundingSource, BigDecimal[]> totals = new EnumMap<>(FundingSource.class);
        for (FundingSource source : FundingSource.values()) {
            totals.put(source, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        if (divisionCodes.isEmpty()) {
            return totals;
        }
        OffsetDateTime f = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime t = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        jdbc.sql("""
                        select u.source, sum(u.amount) from lovecard.top_up u join lovecard.card c using (person_id)
                        where c.division_code in (:d) and u.created_at >= :f and u.created_at < :t group by u.source
                        """).param("d", divisionCodes).param("f", f).param("t", t)
                .query((rs, i) -> totals.get(FundingSource.valueOf(rs.getString(1)))[0] = rs.getBigDecimal(2)).list();
        jdbc.sql("""
                        select pp.source, sum(pp.amount) from lovecard.payment_part pp
                        join lovecard.payment p using (order_id)
                        where p.division_code in (:d) and p.paid_at >= :f and p.paid_at < :t group by pp.source
                        """).param("d", divisionCodes).param("f", f).param("t", t)
                .query((rs, i) -> totals.get(FundingSource.valueOf(rs.getString(1)))[1] = rs.getBigDecimal(2)).list();
        jdbc.sql("""
                        select pp.source, sum(pp.amount) from lovecard.payment_part pp
                        join lovecard.payment p using (order_id)
                        where p.division_code in (:d) and p.refunded_at >= :f and p.refunded_at < :t
                        group by pp.source
                        """).param("d", divisionCodes).param("f", f).param("t", t)
                .query((rs, i) -> totals.get(FundingSource.valueOf(rs.getString(1)))[2] = rs.getBigDecimal(2)).list();
        return totals;
    }

    /** Net amount paid for services per category and source (refunded payments excluded), in a period. */
    List<Object[]> spendingByCategory(Set<String> divisionCodes, Instant from, Instant to) {
        if (divisionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.category, pp.source, sum(pp.amount), count(distinct p.order_id)
                        from lovecard.payment_part pp join lovecard.payment p using (order_id)
                        where p.division_code in (:d) and p.refund_tx is null and p.paid_at >= :f and p.paid_at < :t
                        group by p.category, pp.source order by p.category, pp.source
                        """).param("d", divisionCodes)
                .param("f", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("t", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, i) -> new Object[] {rs.getString(1), FundingSource.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getLong(4)}).list();
    }

    record Allocation(long id, int cards, BigDecimal total) {
    }

    Optional<Allocation> allocationByKey(String key) {
        return jdbc.sql("select id, cards, total from lovecard.allocation where idempotency_key = :k").param("k", key)
                .query((rs, i) -> new Allocation(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3))).optional();
    }

    /** The last allocation from this purse to this area that reached any card. */
    Optional<Allocation> previousAllocation(FundingSource source, String division) {
        return jdbc.sql("select id, cards, total from lovecard.allocation where source = :s and division_code = :d"
                        + " and cards > 0 order by id desc limit 1").param("s", source.name()).param("d", division)
                .query((rs, i) -> new Allocation(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3))).optional();
    }

    long insertAllocation(String key, FundingSource source, BigDecimal perCard, String division, String reference,
                          String donor, String actor) {
        return jdbc.sql("""
                        insert into lovecard.allocation (idempotency_key, source, amount_per_card, division_code,
                            reference, donor, cards, total, created_by)
                        values (:k, :s, :per, :d, :r, :donor, 0, 0, :a) returning id
                        """).param("k", key).param("s", source.name()).param("per", perCard).param("d", division)
                .param("r", reference).param("donor", donor).param("a", actor).query(Long.class).single();
    }

    void completeAllocation(long id, int cards, BigDecimal total) {
        jdbc.sql("update lovecard.allocation set cards = :c, total = :t where id = :id").param("c", cards)
                .param("t", total).param("id", id).update();
    }

    /**
     * People the rules admit, in set-based SQL over the published views (decision 0010): active, living in the given
     * divisions, at or above the capability level or born on or before {@code bornBy}. Same rules as
     * {@link LoveCardEligibility}, for allocations to many cards at once.
     */
    /** How many people in the divisions qualify and have no card yet: the next allocation's new cards. */
    long countEligibleWithoutCard(Set<String> divisionCodes, int minLevel, java.time.LocalDate bornBy) {
        if (divisionCodes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from registry.published_person p
                        left join assessment.published_current_level l on l.person_id = p.id
                        where p.residence_division_code in (:d) and p.status = 'ACTIVE'
                          and (l.level >= :level or p.birth_date <= :bornBy)
                          and not exists (select 1 from lovecard.card c where c.person_id = p.id)
                        """).param("d", divisionCodes).param("level", minLevel).param("bornBy", bornBy)
                .query(Long.class).single();
    }

    List<Object[]> eligibleIn(Set<String> divisionCodes, int minLevel, java.time.LocalDate bornBy) {
        if (divisionCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id, p.residence_division_code from registry.published_person p
                        left join assessment.published_current_level l on l.person_id = p.id
                        where p.residence_division_code in (:d) and p.status = 'ACTIVE'
                          and (l.level >= :level or p.birth_date <= :bornBy)
                        order by p.id
                        """).param("d", divisionCodes).param("level", minLevel).param("bornBy", bornBy)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
    }
}
