package org.yilaoyixiao.services;

/**
 * Raises a need as a service order, for other modules (visits, guardian alerts). No scope check: the caller has
 * checked its own user. Idempotent per {@link ServiceNeed#idempotencyKey()}.
 */
public interface ServiceNeeds {

    /** The order's id; an existing order's id when the key was used before. */
    long raise(ServiceNeed need);
}
