package org.yilaoyixiao.guardian.detection;

import java.time.Instant;
import org.yilaoyixiao.guardian.AlertType;

/** A detector's verdict: an incident of this type for this elder, at this (event) time, with a plain explanation. */
public record Trigger(long personId, AlertType type, Instant at, String details) {
}
