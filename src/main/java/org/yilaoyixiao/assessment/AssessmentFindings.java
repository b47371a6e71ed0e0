package org.yilaoyixiao.assessment;

import java.util.List;
import java.util.regex.Pattern;

/** The findings besides the item scores that may change the level: coma, diagnoses (ICD-10), care-risk events. */
public record AssessmentFindings(boolean coma, List<String> diagnoses, int riskEventsLast30Days) {

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    public AssessmentFindings {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        if (riskEventsLast30Days < 0) {
            throw new IllegalArgumentException("Risk events cannot be negative");
        }
    }

    public static AssessmentFindings none() {
        return new AssessmentFindings(false, List.of(), 0);
    }

    /** Whether a code is an ICD-10 code such as F01 or F03.9. */
    public static boolean isIcd10(String code) {
        return code != null && ICD10.matcher(code).matches();
    }

    /** Dementia (ICD-10 F00–F03) among the diagnoses. */
    public boolean dementia() {
        return diagnoses.stream().anyMatch(code -> mentalChapter(code) >= 0 && mentalChapter(code) <= 3);
    }

    boolean otherMentalDisorder() {
        return diagnoses.stream().anyMatch(code -> mentalChapter(code) >= 4);
    }

    boolean riskEvents() {
        return riskEventsLast30Days >= 2;
    }

    /** The category number within chapter F (F00 → 0, F99 → 99), or -1 for a code outside it. */
    private static int mentalChapter(String code) {
        if (!isIcd10(code) || code.charAt(0) != 'F') {
            return -1;
        }
        return Integer.parseInt(code.substring(1, 3));
    }
}
