package org.yilaoyixiao.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GB/T 42195-2022 scoring as pure rules. The item scores give the subtotals and the total, the total gives the initial
 * level (C.3), and the level changes (C.4) give the final level (C.5): a coma sets level 4; a dementia or other mental
 * disorder diagnosis, and two or more care-risk events in 30 days, each raise one level. Whether those two raises stack
 * is a policy parameter (decision 0009); a level never goes above 4.
 */
public final class CapabilityScoring {

    private final AssessmentItems items;
    private final boolean raisesStack;

    public CapabilityScoring(AssessmentItems items, boolean raisesStack) {
        this.items = items;
        this.raisesStack = raisesStack;
    }

    /** The standard's items with the default policy: the two raises stack. */
    public static CapabilityScoring standard() {
        return new CapabilityScoring(AssessmentItems.standard(), true);
    }

    /** The codes of the items missing from {@code scores} or scored outside 0..max, in the standard's order. */
    public List<String> invalidItems(Map<String, Integer> scores) {
        List<String> invalid = new ArrayList<>();
        for (AssessmentItem item : items.all()) {
            Integer score = scores.get(item.code());
            if (score == null || !item.accepts(score)) {
                invalid.add(item.code());
            }
        }
        return invalid;
    }

    public CapabilityResult score(Map<String, Integer> scores, AssessmentFindings findings) {
        List<String> invalid = invalidItems(scores);
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("Missing or out-of-range item scores: " + invalid);
        }
        Map<String, Integer> subtotals = new LinkedHashMap<>();
        for (String group : AssessmentItems.GROUPS) {
            subtotals.put(group, items.of(group).stream().mapToInt(item -> scores.get(item.code())).sum());
        }
        int total = subtotals.values().stream().mapToInt(Integer::intValue).sum();
        CapabilityLevel initial = CapabilityLevel.fromTotal(total);
        List<LevelChange> changes = new ArrayList<>();
        CapabilityLevel result = changedLevel(initial, findings, changes);
        return new CapabilityResult(subtotals, total, initial, result, changes);
    }

    private CapabilityLevel changedLevel(CapabilityLevel initial, AssessmentFindings findings,
            List<LevelChange> changes) {
        if (findings.coma()) {
            changes.add(LevelChange.COMA);
            return CapabilityLevel.COMPLETE;
        }
        int raises = 0;
        if (findings.dementia() || findings.otherMentalDisorder()) {
            changes.add(findings.dementia() ? LevelChange.DEMENTIA : LevelChange.OTHER_MENTAL_DISORDER);
            raises++;
        }
        if (findings.riskEvents()) {
            changes.add(LevelChange.RISK_EVENTS);
            raises++;
        }
        return initial.raisedBy(raisesStack ? raises : Math.min(raises, 1));
    }
}
