package org.yilaoyixiao.timebank.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.services.ServiceOrderCompleted;

/**
 * Credits a volunteer automatically when a service order they delivered under their own platform account completes:
 * the hours are the time between check-in and check-out, rounded up to a quarter of an hour, at most the per-credit
 * limit. After the order's commit, in a transaction of its own, so that the time bank can never stop an order from
 * completing; once per order (the same source and key as a manual credit, so either comes first, never both).
 * Orders delivered under an account that is no volunteer's are credited by an organiser, if at all.
 */
@Component
class OrderCredits {

    private static final Logger log = LoggerFactory.getLogger(OrderCredits.class);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    private final TimeBankRepository repository;
    private final EngagementRepository engagement;
    private final TimeBank timeBank;
    private final TimeBankSettings settings;

    OrderCredits(TimeBankRepository repository, EngagementRepository engagement, TimeBank timeBank,
                 TimeBankSettings settings) {
        this.repository = repository;
        this.engagement = engagement;
        this.timeBank = timeBank;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(ServiceOrderCompleted completed) {
        repository.deliveredOrder(completed.orderId())
                .filter(order -> order.butler() != null && order.checkedIn() != null && order.checkedOut() != null)
                .ifPresent(order -> engagement.volunteerByUsername(order.butler()).ifPresent(person -> {
                    BigDecimal hours = hours(Duration.between(order.checkedIn(), order.checkedOut()));
                    try {
                        timeBank.creditWithin(person, hours, TimeBank.SourceType.ORDER, Long.toString(order.id()),
                                "timebank:credit:order:" + order.id(), "system");
                    } catch (ApiException e) {
                        // credited by hand already, the volunteer withdrew, or a limit: nothing to retry
                        log.info("Order {} credited no hours automatically: {}", order.id(), e.detailKey());
                    }
                }));
    }

    /** Quarter hours begun, at least one, at most the per-credit limit. */
    BigDecimal hours(Duration worked) {
        long quarters = Math.max(1, (worked.toSeconds() + 899) / 900);
        BigDecimal hours = QUARTER.multiply(BigDecimal.valueOf(quarters)).setScale(2, RoundingMode.UNNECESSARY);
        return hours.min(settings.maxHoursPerCredit());
    }
}
