package org.yilaoyixiao.registry;

import java.util.List;

/**
 * Dated events about one person that a module contributes to the person's timeline
 * ({@code GET /api/v1/persons/{id}/timeline}), so that the registry can show what every module knows without
 * depending on them (as with {@link PersonCapabilityLevels}). The registry checks the caller's scope before asking.
 */
public interface PersonTimelineSource {

    List<TimelineEntry> timeline(long personId);
}
