package org.yilaoyixiao.assessment;

import java.util.List;
import java.util.Map;

/** The outcome of scoring: subtotals per first-level indicator, total, initial and final level, changes applied. */
public record CapabilityResult(Map<String, Integer> subtotals, int totalScore, CapabilityLevel initialLevel,
        CapabilityLevel finalLevel, List<LevelChange> changes) {

    public CapabilityResult {
        subtotals = Map.copyOf(subtotals);
        changes = List.copyOf(changes);
    }
}
