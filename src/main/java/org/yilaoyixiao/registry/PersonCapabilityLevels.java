package org.yilaoyixiao.registry;

import java.util.Collection;
import java.util.Map;

/**
 * People's current capability levels (0–4, GB/T 42195-2022), supplied by the module that assesses them, so that the
 * person resource can show {@code capabilityLevel} without the registry depending on that module. Absent when no
 * module provides it; a person without a current-standard assessment has no entry.
 */
public interface PersonCapabilityLevels {

    /** The current level of each of the given people who has one. */
    Map<Long, Integer> currentLevels(Collection<Long> personIds);
}
