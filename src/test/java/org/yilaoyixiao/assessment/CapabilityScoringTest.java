package org.yilaoyixiao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 42195-2022 scoring: subtotals, total, level bands (C.3) and level changes (C.4). */
class CapabilityScoringTest {

    private final AssessmentItems items = AssessmentItems.standard();
    private final CapabilityScoring scoring = CapabilityScoring.standard();

    /** Scores adding up to {@code total}: every item at its maximum, then lowered item by item. */
    private Map<String, Integer> scoresTotalling(int total) {
        Map<String, Integer> scores = new HashMap<>();
        int toRemove = 90 - total;
        for (AssessmentItem item : items.all()) {
            int lowered = Math.min(toRemove, item.maxScore());
            scores.put(item.code(), item.maxScore() - lowered);
            toRemove -= lowered;
        }
        return scores;
    }

    private static AssessmentFindings findings(boolean coma, List<String> diagnoses, int riskEvents) {
        return new AssessmentFindings(coma, diagnoses, riskEvents);
    }

    @Test
    void theReferenceFileHoldsTheTwentySixItemsAndTheirMaxima() {
        assertThat(items.all()).hasSize(26);
        assertThat(items.maxScore("B.1")).isEqualTo(32);
        assertThat(items.maxScore("B.2")).isEqualTo(15);
        assertThat(items.maxScore("B.3")).isEqualTo(28);
        assertThat(items.maxScore("B.4")).isEqualTo(15);
        assertThat(items.maxTotal()).isEqualTo(90);
        assertThat(items.all()).allSatisfy(item -> assertThat(item.descriptions().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(0, item.maxScore()).boxed().toList()));
        assertThat(items.all().get(0).nameZh()).isEqualTo("进食");
    }

    @Test
    void theTotalIsTheSumOfTheSubtotalsForRandomValidScores() {
        Random random = new Random(42195);
        for (int run = 0; run < 500; run++) {
            Map<String, Integer> scores = new HashMap<>();
            Map<String, Integer> expected = new HashMap<>();
            for (AssessmentItem item : items.all()) {
                int score = random.nextInt(item.maxScore() + 1);
                scores.put(item.code(), score);
                expected.merge(item.group(), score, Integer::sum);
            }
            CapabilityResult result = scoring.score(scores, AssessmentFindings.none());
            assertThat(result.subtotals()).isEqualTo(expected);
            assertThat(result.totalScore()).isEqualTo(scores.values().stream().mapToInt(Integer::intValue).sum());
            assertThat(result.initialLevel()).isEqualTo(CapabilityLevel.fromTotal(result.totalScore()));
            assertThat(result.finalLevel()).isEqualTo(result.initialLevel());
            assertThat(result.changes()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"0,4", "29,4", "30,3", "45,3", "46,2", "65,2", "66,1", "89,1", "90,0"})
    void theInitialLevelFollowsTheBands(int total, int level) {
        CapabilityResult result = scoring.score(scoresTotalling(total), AssessmentFindings.none());
        assertThat(result.totalScore()).isEqualTo(total);
        assertThat(result.initialLevel().number()).isEqualTo(level);
    }

    @Test
    void aComaSetsLevelFour() {
        CapabilityResult result = scoring.score(scoresTotalling(90), findings(true, List.of(), 0));
        assertThat(result.initialLevel()).isEqualTo(CapabilityLevel.INTACT);
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.COMPLETE);
        assertThat(result.changes()).containsExactly(LevelChange.COMA);
    }

    @Test
    void dementiaRaisesOneLevel() {
        CapabilityResult result = scoring.score(scoresTotalling(70), findings(false, List.of("F01"), 0));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.MODERATE);
        assertThat(result.changes()).containsExactly(LevelChange.DEMENTIA);
    }

    @Test
    void anotherMentalDisorderRaisesOneLevel() {
        CapabilityResult result = scoring.score(scoresTotalling(50), findings(false, List.of("F32.1"), 0));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.SEVERE);
        assertThat(result.changes()).containsExactly(LevelChange.OTHER_MENTAL_DISORDER);
    }

    @Test
    void dementiaAndAnotherDisorderTogetherRaiseOnce() {
        CapabilityResult result = scoring.score(scoresTotalling(70), findings(false, List.of("F03", "F20"), 0));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.MODERATE);
    }

    @Test
    void diagnosesOutsideChapterFChangeNothing() {
        CapabilityResult result = scoring.score(scoresTotalling(70), findings(false, List.of("I10", "G30"), 0));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.MILD);
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void twoRiskEventsRaiseOneLevelButOneDoesNot() {
        assertThat(scoring.score(scoresTotalling(70), findings(false, List.of(), 1)).finalLevel())
                .isEqualTo(CapabilityLevel.MILD);
        CapabilityResult result = scoring.score(scoresTotalling(70), findings(false, List.of(), 2));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.MODERATE);
        assertThat(result.changes()).containsExactly(LevelChange.RISK_EVENTS);
    }

    @Test
    void theRaisesStackByDefault() {
        CapabilityResult result = scoring.score(scoresTotalling(70), findings(false, List.of("F00"), 3));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.SEVERE);
        assertThat(result.changes()).containsExactly(LevelChange.DEMENTIA, LevelChange.RISK_EVENTS);
    }

    @Test
    void withoutStackingBothFindingsRaiseOnce() {
        CapabilityScoring single = new CapabilityScoring(items, false);
        CapabilityResult result = single.score(scoresTotalling(70), findings(false, List.of("F00"), 3));
        assertThat(result.finalLevel()).isEqualTo(CapabilityLevel.MODERATE);
        assertThat(result.changes()).containsExactly(LevelChange.DEMENTIA, LevelChange.RISK_EVENTS);
    }

    @Test
    void theLevelNeverGoesAboveFour() {
        assertThat(scoring.score(scoresTotalling(40), findings(false, List.of("F01"), 2)).finalLevel())
                .isEqualTo(CapabilityLevel.COMPLETE);
        assertThat(scoring.score(scoresTotalling(10), findings(false, List.of("F01"), 2)).finalLevel())
                .isEqualTo(CapabilityLevel.COMPLETE);
    }

    @Test
    void missingAndOutOfRangeItemsAreNamed() {
        Map<String, Integer> scores = scoresTotalling(90);
        scores.remove("B.1.3");
        scores.put("B.2.4", 4);
        scores.put("B.4.1", -1);
        assertThat(scoring.invalidItems(scores)).containsExactly("B.1.3", "B.2.4", "B.4.1");
        assertThatThrownBy(() -> scoring.score(scores, AssessmentFindings.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void diagnosesAreIcd10Codes() {
        assertThat(AssessmentFindings.isIcd10("F01")).isTrue();
        assertThat(AssessmentFindings.isIcd10("F03.9")).isTrue();
        assertThat(AssessmentFindings.isIcd10("f01")).isFalse();
        assertThat(AssessmentFindings.isIcd10("dementia")).isFalse();
        assertThat(AssessmentFindings.isIcd10("F1")).isFalse();
    }
}
