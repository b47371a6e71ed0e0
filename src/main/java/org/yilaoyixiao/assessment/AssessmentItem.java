package org.yilaoyixiao.assessment;

import java.util.Map;

/** One of the 26 items of GB/T 42195-2022 Appendix B, with its first-level indicator and its score descriptions. */
public record AssessmentItem(String code, String group, int maxScore, String nameZh, String nameEn,
        Map<Integer, String> descriptions) {

    public AssessmentItem {
        descriptions = Map.copyOf(descriptions);
    }

    public boolean accepts(int score) {
        return score >= 0 && score <= maxScore;
    }
}
