package org.yilaoyixiao.visits;

import java.time.Instant;

/**
 * A visit found a need for a service (meals, bathing, cleaning, mobility, medical, emergency, other): the event the
 * future services module (养老管家 loop) listens to. Published in the transaction that records the visit.
 */
public record ServiceNeedRaised(long visitId, long personId, String divisionCode, String area, String service,
                                String note, Instant raisedAt) {
}
