package org.yilaoyixiao.subsidies.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.policy.NoParameterValue;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * A programme's rule as a pure function of facts and dated parameters. A rule first reads every fact it needs (so a
 * request missing several gets them all named), then decides; a missing parameter value makes it ineligible with
 * that reason rather than failing.
 */
abstract class SubsidyRule {

    abstract Programme programme();

    /** The date whose parameters apply: the asked date, or for monthly programmes the first day of its month. */
    LocalDate parameterDate(LocalDate asOf) {
        return programme().monthly() ? asOf.withDayOfMonth(1) : asOf;
    }

    final Quote evaluate(Facts facts, LocalDate asOf, PolicyParameters parameters) {
        Decision decision = new Decision(new Rates(parameters, parameterDate(asOf)));
        read(facts, decision);
        facts.requireComplete();
        try {
            decide(decision, asOf);
        } catch (NoParameterValue e) {
            decision.lines.clear();
            decision.reasons.add(Message.of("subsidies.reason.no-parameter",
                    Message.of("policy.parameter." + e.key()), e.date()));
            decision.eligible = false;
        }
        boolean eligible = decision.eligible && decision.reasons.stream()
                .noneMatch(r -> r.key().startsWith("subsidies.reason.not."));
        BigDecimal amount = eligible
                ? decision.lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                : BigDecimal.ZERO;
        return new Quote(programme(), asOf, eligible, amount, eligible ? decision.lines : List.of(),
                decision.reasons, facts.used(), decision.rates.used());
    }

    /** Reads (and so checks) the facts; keeps them in fields of the decision. */
    abstract void read(Facts facts, Decision decision);

    /** Decides with the facts read. Reasons whose key starts {@code subsidies.reason.not.} make it ineligible. */
    abstract void decide(Decision decision, LocalDate asOf);

    /** The working state of one evaluation. */
    static final class Decision {
        final Rates rates;
        final List<QuoteLine> lines = new ArrayList<>();
        final List<Message> reasons = new ArrayList<>();
        final java.util.Map<String, Object> read = new java.util.HashMap<>();
        boolean eligible = true;

        Decision(Rates rates) {
            this.rates = rates;
        }

        void not(String reason, Object... args) {
            reasons.add(Message.of("subsidies.reason.not." + reason, args));
        }

        void because(String reason, Object... args) {
            reasons.add(Message.of("subsidies.reason." + reason, args));
        }

        /** Adds quantity × the parameter's value as a line. */
        void line(Message label, BigDecimal quantity, String parameter) {
            ParameterValue rate = rates.value(parameter);
            lines.add(new QuoteLine(label, quantity, ParameterValue.plain(rate.value()),
                    quantity.multiply(rate.value()), parameter, rate.reference()));
        }

        @SuppressWarnings("unchecked")
        <T> T get(String name) {
            return (T) read.get(name);
        }
    }
}
