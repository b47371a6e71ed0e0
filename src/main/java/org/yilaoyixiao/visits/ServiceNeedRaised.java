package org.yilaoyixiao.visits;

import java.time.Instant;

/**
 * A visit found a need for a service (meals, bathing, cleaning, mobility, medical, emergency, other): the event the
 * services module (养老管家 loop) listens to, raising an order once per {@link #idempotencyKey()}. Published in the
 * transaction that records the visit; {@code raisedBy} is the visitor's username.
 */
public record ServiceNeedRaised(long visitId, long personId, String divisionCode, String area, String service,
                                String note, Instant raisedAt, String raisedBy) {

    /** One order per finding of a visit, whatever happens to the event: the key the order is raised under. */
    public String idempotencyKey() {
        return orderKey(visitId, area);
    }

    /** The key of the order raised by a visit's finding in an area. */
    public static String orderKey(long visitId, String area) {
        return "visit-finding:" + visitId + ":" + area;
    }
}
