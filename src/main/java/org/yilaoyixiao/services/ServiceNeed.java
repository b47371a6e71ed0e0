package org.yilaoyixiao.services;

import java.time.Instant;

/**
 * A need for a service, as another module raises it (a visit finding, a guardian alert).
 *
 * @param itemCode       the menu item's code, e.g. {@code EMG-ALARM}
 * @param requestedFor   when the service is wanted; null = now
 * @param idempotencyKey the caller's key: raising the same key again returns the same order
 * @param raisedBy       who raised it (a username, or the module's name for automatic alerts)
 */
public record ServiceNeed(long personId, String itemCode, Instant requestedFor, NeedChannel channel,
                          String idempotencyKey, String note, String raisedBy) {
}
