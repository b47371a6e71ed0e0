package org.yilaoyixiao.guardian.detection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yilaoyixiao.guardian.AlertType;

/**
 * The fraud rules on one transfer, judged against the elder's own history: a counterparty on the police's list; a
 * transfer large for this elder (many times their usual, above a floor); a first transfer to a new counterparty above a
 * threshold; a burst of transfers. A pure function of its inputs, so it runs the same in a stream processor.
 */
public final class FraudRules {

    private final FraudSettings settings;

    public FraudRules(FraudSettings settings) {
        this.settings = settings;
    }

    /** One trigger naming every reason that applies, or none. */
    public List<Trigger> judge(Transfer transfer, TransferHistory history, Set<String> knownFraud) {
        List<String> reasons = new ArrayList<>();
        if (knownFraud.contains(transfer.counterparty())) {
            reasons.add("counterparty on the fraud list");
        }
        if (large(transfer.amount(), history.pastAmounts())) {
            reasons.add("large for this elder (" + transfer.amount().toPlainString() + ")");
        }
        if (!history.knownCounterparties().contains(transfer.counterparty())
                && transfer.amount().compareTo(settings.newCounterparty()) >= 0) {
            reasons.add("first transfer to a new counterparty");
        }
        if (history.inBurstWindow() + 1 >= settings.burstCount()) {
            reasons.add((history.inBurstWindow() + 1) + " transfers within " + settings.burstWindow().toMinutes()
                    + " minutes");
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        return List.of(new Trigger(transfer.personId(), AlertType.FRAUD, transfer.at(), String.join("; ", reasons)
                + " → " + transfer.counterparty()));
    }

    private boolean large(BigDecimal amount, List<BigDecimal> past) {
        if (amount.compareTo(settings.largeFloor()) < 0) {
            return false;
        }
        if (past.size() < settings.minHistory()) {
            return amount.compareTo(settings.largeWithoutHistory()) >= 0;
        }
        List<BigDecimal> sorted = past.stream().sorted().toList();
        BigDecimal median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : sorted.get(sorted.size() / 2 - 1).add(sorted.get(sorted.size() / 2))
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return amount.compareTo(median.multiply(settings.profileMultiple())) >= 0;
    }

    public FraudSettings settings() {
        return settings;
    }
}
