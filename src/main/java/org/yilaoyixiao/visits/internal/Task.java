package org.yilaoyixiao.visits.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A planned visit. */
record Task(long id, LocalDate month, long personId, String divisionCode, String kind, int seq, Instant dueAt,
            String visitor, String status, Long visitId) {
}
