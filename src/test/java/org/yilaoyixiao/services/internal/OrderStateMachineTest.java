package org.yilaoyixiao.services.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state × every action: exactly the listed transitions are legal, everything else is refused. */
class OrderStateMachineTest {

    private static final Map<String, OrderStatus> LEGAL = Map.ofEntries(
            Map.entry("NEW DISPATCH", OrderStatus.DISPATCHED),
            Map.entry("DISPATCHED DISPATCH", OrderStatus.DISPATCHED),
            Map.entry("DISPATCHED ACCEPT", OrderStatus.ACCEPTED),
            Map.entry("ACCEPTED CHECK_IN", OrderStatus.IN_SERVICE),
            Map.entry("REWORK CHECK_IN", OrderStatus.IN_SERVICE),
            Map.entry("IN_SERVICE CHECK_OUT", OrderStatus.COMPLETED),
            Map.entry("COMPLETED EVALUATE", OrderStatus.EVALUATED),
            Map.entry("COMPLETED COMPLAIN", OrderStatus.COMPLETED),
            Map.entry("EVALUATED COMPLAIN", OrderStatus.EVALUATED),
            Map.entry("COMPLETED SPOT_CHECK", OrderStatus.COMPLETED),
            Map.entry("EVALUATED SPOT_CHECK", OrderStatus.EVALUATED),
            Map.entry("COMPLETED REWORK", OrderStatus.REWORK),
            Map.entry("EVALUATED REWORK", OrderStatus.REWORK),
            Map.entry("NEW CANCEL", OrderStatus.CANCELLED),
            Map.entry("DISPATCHED CANCEL", OrderStatus.CANCELLED),
            Map.entry("ACCEPTED CANCEL", OrderStatus.CANCELLED),
            Map.entry("COMPLETED CANCEL", OrderStatus.CANCELLED),
            Map.entry("EVALUATED CANCEL", OrderStatus.CANCELLED),
            Map.entry("REWORK CANCEL", OrderStatus.CANCELLED));

    @Test
    void exactlyTheListedTransitionsAreLegal() {
        int refused = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                OrderStatus expected = LEGAL.get(from + " " + action);
                assertThat(OrderStateMachine.next(from, action)).as(from + " " + action)
                        .isEqualTo(java.util.Optional.ofNullable(expected));
                if (expected == null) {
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(OrderStatus.values().length * OrderAction.values().length - LEGAL.size());
    }

    @Test
    void aCancelledOrderIsFinalAndNothingHappensDuringServiceButCheckOut() {
        for (OrderAction action : OrderAction.values()) {
            assertThat(OrderStateMachine.next(OrderStatus.CANCELLED, action)).isEmpty();
            if (action != OrderAction.CHECK_OUT) {
                assertThat(OrderStateMachine.next(OrderStatus.IN_SERVICE, action)).as(action.name()).isEmpty();
            }
        }
    }

    @Test
    void onlyADeliveredOrderIsVoidedRatherThanCancelled() {
        assertThat(OrderStateMachine.isVoid(OrderStatus.COMPLETED)).isTrue();
        assertThat(OrderStateMachine.isVoid(OrderStatus.EVALUATED)).isTrue();
        assertThat(OrderStateMachine.isVoid(OrderStatus.REWORK)).isTrue();
        assertThat(OrderStateMachine.isVoid(OrderStatus.ACCEPTED)).isFalse();
        assertThat(OrderStateMachine.isVoid(OrderStatus.NEW)).isFalse();
    }
}
