package org.yilaoyixiao.funds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.funds.internal.FundsRepository.Account;
import org.yilaoyixiao.funds.internal.FundsRepository.Designated;
import org.yilaoyixiao.funds.internal.FundsRepository.Movement;

/**
 * The rules run after each movement, in the movements' event-time order (decision 0027):
 * <ul>
 * <li>an outflow while a hold covered its time that is not a refund → a violation alert (the bank let it through);</li>
 * <li>otherwise an outflow above the threshold, a non-refund outflow to an account not designated, or the
 * {@code structuringCount}-th outflow just below the threshold within the window → a hold placed by the system
 * and one alert per reason;</li>
 * <li>after any movement, a balance below the required minimum → an alert and a top-up notice to the institution
 * (once until the balance is restored, when the alert resolves itself).</li>
 * </ul>
 */
@Component
class FundsRules {

    private final FundsRepository repository;
    private final FundsSettings settings;
    private final AuditTrail audit;
    private final FundsAuditText words;

    FundsRules(FundsRepository repository, FundsSettings settings, AuditTrail audit, FundsAuditText words) {
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
        this.words = words;
    }

    /** Runs the rules on one stored movement; returns the ids of the alerts raised. */
    List<Long> afterMovement(long accountId, Movement movement, Instant now) {
        Account account = repository.account(accountId).orElseThrow();
        List<Long> alerts = new ArrayList<>();
        if (movement.outflow()) {
            if (repository.heldAt(accountId, movement.at())) {
                if (!movement.refund()) {
                    alerts.add(repository.insertAlert(accountId, "HOLD_VIOLATION", movement.id(),
                            repository.activeHold(accountId).map(FundsRepository.Hold::id).orElse(null),
                            movement.balanceAfter(), account.requiredMinimum(), movement.amount(), movement.at(), now));
                }
            } else {
                List<String> reasons = holdReasons(accountId, movement);
                if (!reasons.isEmpty() && repository.activeHold(accountId).isEmpty()) {
                    long holdId = repository.insertHold(accountId, movement.at(), now, null,
                            String.join(",", reasons) + " " + movement.bankRef());
                    for (String kind : reasons) {
                        alerts.add(repository.insertAlert(accountId, kind, movement.id(), holdId,
                                movement.balanceAfter(), account.requiredMinimum(), movement.amount(), movement.at(),
                                now));
                    }
                    audit.record(AuditRecord.success("FUNDS_HOLD_PLACED", "custody-account:" + accountId,
                            "系统规则止付（止付记录 " + holdId + "）：" + words.kinds(reasons) + "，银行流水号 "
                                    + movement.bankRef()).by("system"));
                }
            }
        }
        Long minimum = checkMinimum(account, movement, now);
        if (minimum != null) {
            alerts.add(minimum);
        }
        return alerts;
    }

    private List<String> holdReasons(long accountId, Movement movement) {
        List<String> reasons = new ArrayList<>();
        if (movement.amount().compareTo(settings.largeOutflowThreshold()) > 0) {
            reasons.add("LARGE_OUTFLOW");
        }
        if (!movement.refund()) {
            Set<String> designated = repository.designated(accountId).stream().map(Designated::accountNumber)
                    .collect(Collectors.toSet());
            if (movement.counterpartyAccount() == null || !designated.contains(movement.counterpartyAccount())) {
                reasons.add("NON_DESIGNATED");
            }
        }
        if (movement.amount().compareTo(settings.structuringFloor()) >= 0
                && movement.amount().compareTo(settings.largeOutflowThreshold()) <= 0) {
            int recent = repository.outflowsBetween(accountId, settings.structuringFloor(),
                    settings.largeOutflowThreshold(), movement.at().minus(settings.structuringWindow()),
                    movement.at());
            if (recent >= settings.structuringCount()) {
                reasons.add("STRUCTURING");
            }
        }
        return reasons;
    }

    /**
     * Compares the balance after a movement (or the account's balance, when obligations change) with the required
     * minimum: raises one alert and one top-up notice when it falls short, resolves the alert when it is restored.
     */
    Long checkMinimum(Account account, Movement movement, Instant now) {
        var balance = movement == null ? account.balance() : movement.balanceAfter();
        Instant eventAt = movement == null ? now : movement.at();
        var open = repository.unresolvedAlert(account.id(), "BELOW_MINIMUM");
        if (balance.compareTo(account.requiredMinimum()) < 0) {
            if (open.isPresent()) {
                return null;
            }
            long alertId = repository.insertAlert(account.id(), "BELOW_MINIMUM",
                    movement == null ? null : movement.id(), null, balance, account.requiredMinimum(),
                    movement == null ? null : movement.amount(), eventAt, now);
            repository.insertNotice(account.id(), alertId, CustodyAccounts.shortfall(account.requiredMinimum(), balance),
                    account.requiredMinimum(), balance, now);
            audit.record(AuditRecord.success("FUNDS_TOP_UP_NOTICE", "custody-account:" + account.id(),
                    "余额 " + FundsAuditText.money(balance) + "，低于应留存 "
                            + FundsAuditText.money(account.requiredMinimum()) + "，已通知补足")
                    .by("system"));
            return alertId;
        }
        open.ifPresent(id -> repository.resolveAlert(id, now, "system", "balance " + balance.toPlainString()));
        return null;
    }
}
