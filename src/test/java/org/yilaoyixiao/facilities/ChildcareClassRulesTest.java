package org.yilaoyixiao.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The national class limits (国卫人口发〔2019〕58号): age fit, class size and carer ratio per type. */
class ChildcareClassRulesTest {

    private final ChildcareClassRules rules = ChildcareClassRules.national();

    private static List<Integer> ages(int count, int ageMonths) {
        return Collections.nCopies(count, ageMonths);
    }

    @Test
    void limitsComeFromTheReferenceFile() {
        assertThat(rules.limit(ChildcareClassType.INFANT)).isEqualTo(
                new ChildcareClassLimit(ChildcareClassType.INFANT, 6, 12, 10, 3));
        assertThat(rules.limit(ChildcareClassType.TODDLER)).isEqualTo(
                new ChildcareClassLimit(ChildcareClassType.TODDLER, 12, 24, 15, 5));
        assertThat(rules.limit(ChildcareClassType.OLDER_TODDLER)).isEqualTo(
                new ChildcareClassLimit(ChildcareClassType.OLDER_TODDLER, 24, 36, 20, 7));
        assertThat(rules.limit(ChildcareClassType.MIXED)).isEqualTo(
                new ChildcareClassLimit(ChildcareClassType.MIXED, 18, 36, 18, null));
    }

    @Test
    void infantClassTakesSixToTwelveMonthsUpToTenAtOneCarerForThree() {
        assertThat(rules.admit(ChildcareClassType.INFANT, List.of(), 1, 5)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.INFANT, List.of(), 1, 12)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.INFANT, ages(2, 8), 1, 6)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.INFANT, ages(3, 8), 1, 8)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        assertThat(rules.admit(ChildcareClassType.INFANT, ages(9, 8), 4, 8)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.INFANT, ages(10, 8), 4, 8)).isEqualTo(ClassAdmission.CAPACITY_EXCEEDED);
    }

    @Test
    void toddlerClassTakesTwelveToTwentyFourMonthsUpToFifteenAtOneCarerForFive() {
        assertThat(rules.admit(ChildcareClassType.TODDLER, List.of(), 1, 11)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.TODDLER, List.of(), 1, 24)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.TODDLER, ages(4, 15), 1, 12)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.TODDLER, ages(5, 15), 1, 15)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        assertThat(rules.admit(ChildcareClassType.TODDLER, ages(14, 15), 3, 23)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.TODDLER, ages(15, 15), 4, 15)).isEqualTo(ClassAdmission.CAPACITY_EXCEEDED);
    }

    @Test
    void olderToddlerClassTakesTwoToThreeYearsUpToTwentyAtOneCarerForSeven() {
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, List.of(), 1, 23)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, List.of(), 1, 36)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, ages(6, 30), 1, 24)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, ages(7, 30), 1, 30)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, ages(19, 30), 3, 35)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.OLDER_TODDLER, ages(20, 30), 3, 30)).isEqualTo(ClassAdmission.CAPACITY_EXCEEDED);
    }

    @Test
    void mixedClassTakesOverEighteenMonthsUpToEighteen() {
        assertThat(rules.admit(ChildcareClassType.MIXED, List.of(), 1, 17)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.MIXED, List.of(), 1, 18)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.MIXED, List.of(), 1, 36)).isEqualTo(ClassAdmission.AGE_NOT_ELIGIBLE);
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(17, 30), 3, 30)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(18, 30), 3, 30)).isEqualTo(ClassAdmission.CAPACITY_EXCEEDED);
    }

    @Test
    void mixedClassUsesTheStrictestRatioAmongTheAgesPresent() {
        // only over-two-year-olds: 1:7, so one carer takes a seventh but not an eighth
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(6, 30), 1, 30)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(7, 30), 1, 30)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        // one child under two years present (toddler age, 1:5): six children with one carer breach it
        List<Integer> withToddler = new java.util.ArrayList<>(ages(4, 30));
        withToddler.add(20);
        assertThat(rules.admit(ChildcareClassType.MIXED, withToddler, 1, 30)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(4, 30), 1, 20)).isEqualTo(ClassAdmission.ADMITTED);
        assertThat(rules.admit(ChildcareClassType.MIXED, ages(5, 30), 1, 20)).isEqualTo(ClassAdmission.RATIO_BREACHED);
        // two carers with a toddler present take ten, not eleven
        List<Integer> ten = new java.util.ArrayList<>(ages(8, 30));
        ten.add(19);
        assertThat(rules.admit(ChildcareClassType.MIXED, ten, 2, 30)).isEqualTo(ClassAdmission.ADMITTED);
        ten.add(30);
        assertThat(rules.admit(ChildcareClassType.MIXED, ten, 2, 30)).isEqualTo(ClassAdmission.RATIO_BREACHED);
    }

    @Test
    void noCarerMeansNoChild() {
        assertThat(rules.admit(ChildcareClassType.TODDLER, List.of(), 0, 15)).isEqualTo(ClassAdmission.RATIO_BREACHED);
    }
}
