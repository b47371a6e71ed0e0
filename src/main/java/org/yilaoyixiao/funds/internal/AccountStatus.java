package org.yilaoyixiao.funds.internal;

/** A custody account's risk status: a hold outranks a shortfall. */
enum AccountStatus {
    NORMAL, BELOW_MINIMUM, ON_HOLD
}
