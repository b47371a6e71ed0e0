package org.yilaoyixiao.services.internal;

/** What can be done to an order; {@link OrderStateMachine} says in which states. */
enum OrderAction {
    DISPATCH, ACCEPT, CHECK_IN, CHECK_OUT, EVALUATE, COMPLAIN, SPOT_CHECK, REWORK, CANCEL;

    public String labelKey() {
        return "services.action." + name();
    }
}
