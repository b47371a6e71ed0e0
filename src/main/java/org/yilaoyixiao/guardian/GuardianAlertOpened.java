package org.yilaoyixiao.guardian;

import java.time.Instant;

/**
 * Published in the transaction that opens a new alert (not for repeated triggers of an open one), for modules that act
 * on incidents — a service need for the butler, a visit within 24 hours.
 */
public record GuardianAlertOpened(long alertId, long personId, String divisionCode, AlertType type, Instant at,
                                  String details) {
}
