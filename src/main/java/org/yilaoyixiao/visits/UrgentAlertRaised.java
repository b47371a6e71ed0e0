package org.yilaoyixiao.visits;

import java.time.Instant;

/**
 * A visit found something urgent (a fall, no food or heating, a risk to life). The visits module itself plans a
 * follow-up visit within the follow-up hours; alerting modules (银龄卫士) may listen too.
 */
public record UrgentAlertRaised(long visitId, long personId, String divisionCode, String area, String note,
                                Instant raisedAt) {
}
