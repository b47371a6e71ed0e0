package org.yilaoyixiao.lovecard.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.ledger.Ledger;
import org.yilaoyixiao.ledger.LedgerTransaction;
import org.yilaoyixiao.ledger.Posting;
import org.yilaoyixiao.lovecard.FundingSource;
import org.yilaoyixiao.services.ServiceOrderCancelled;
import org.yilaoyixiao.services.ServiceOrderCompleted;

/**
 * Pays for a delivered service from the elder's card, inside the transaction that completes the order (so both commit
 * or neither), and refunds it when the order is cancelled. What the card cannot cover is the elder's own payment
 * (self-pay), recorded beside it. Each order is paid once and refunded once, whatever the number of deliveries of the
 * event.
 */
@Component
class LoveCardPayments {

    private final LoveCardRepository cards;
    private final LoveCards loveCards;
    private final LoveCardSettings settings;
    private final Ledger ledger;
    private final AuditTrail audit;

    LoveCardPayments(LoveCardRepository cards, LoveCards loveCards, LoveCardSettings settings, Ledger ledger,
                     AuditTrail audit) {
        this.cards = cards;
        this.loveCards = loveCards;
        this.settings = settings;
        this.ledger = ledger;
        this.audit = audit;
    }

    @EventListener
    void on(ServiceOrderCompleted order) {
        if (!cards.lockCard(order.personId()) || cards.payment(order.orderId()).isPresent()) {
            return;
        }
        Map<FundingSource, BigDecimal> balances = loveCards.balances(order.personId());
        BigDecimal available = balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fromCard = order.price().min(available);
        Map<FundingSource, BigDecimal> parts = settings.spendingRule().split(fromCard, balances,
                settings.sourceOrder());
        Long txId = null;
        if (fromCard.signum() > 0) {
            List<Posting> postings = new ArrayList<>();
            parts.forEach((source, amount) ->
                    postings.add(new Posting(LoveCardAccounts.purse(order.personId(), source), amount.negate())));
            postings.add(new Posting(LoveCardAccounts.SERVICES, fromCard));
            LedgerTransaction tx = ledger.post("lovecard:order:" + order.orderId() + ":payment",
                    "LOVECARD_SERVICE_PAYMENT", order.category() + " " + order.itemCode() + " #" + order.orderId(),
                    postings, "system");
            txId = tx.id();
        }
        cards.insertPayment(order.orderId(), order.personId(), order.divisionCode(), order.category(),
                order.itemCode(), order.price(), parts, fromCard, settings.spendingRule().name(), txId);
        audit.record(AuditRecord.success("LOVECARD_PAID", "service-order:" + order.orderId(),
                "person=" + order.personId() + " price=" + order.price().toPlainString() + " card="
                        + fromCard.toPlainString() + " parts=" + parts + " rule=" + settings.spendingRule()));
    }

    @EventListener
    void on(ServiceOrderCancelled order) {
        cards.payment(order.orderId()).ifPresent(payment -> {
            if (payment.ledgerTx() == null || payment.refundTx() != null) {
                return;
            }
            cards.lockCard(payment.personId());
            LedgerTransaction refund = ledger.reverse(payment.ledgerTx(),
                    "lovecard:order:" + order.orderId() + ":refund", "退款 #" + order.orderId() + " "
                            + (order.reason() == null ? "" : order.reason()), "system");
            cards.markRefunded(order.orderId(), refund.id());
            audit.record(AuditRecord.success("LOVECARD_REFUNDED", "service-order:" + order.orderId(),
                    "person=" + payment.personId() + " amount=" + payment.cardPaid().toPlainString()));
        });
    }
}
