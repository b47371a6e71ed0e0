package org.yilaoyixiao.facilities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.platform.demo.DemoData;
import org.yilaoyixiao.facilities.ChildcareClassType;

/** When demo facilities load, and that the plan's numbers add up before anything touches the database. */
class DemoFacilitiesRuleTest {

    @Test
    void followsTheRegistrysDemoRule() {
        assertThat(DemoData.wanted(true, "", "")).isTrue();
        assertThat(DemoData.wanted(false, "", "")).isFalse();
        assertThat(DemoData.wanted(false, "1", "")).isFalse();
        assertThat(DemoData.wanted(true, "", "jdbc:postgresql://db/yly")).isFalse();
        assertThat(DemoData.wanted(true, "0.01", "jdbc:postgresql://db/yly")).isTrue();
        assertThat(DemoData.wanted(true, "0", "")).isFalse();
    }

    @Test
    void theNumbersAddUpToThe2022Baseline() {
        assertThat(Arrays.stream(DemoFacilities.BEDS).sum()).isEqualTo(1023);
        assertThat(Arrays.stream(DemoFacilities.NURSING).sum()).isEqualTo(695);
        assertThat(Arrays.stream(DemoFacilities.KINDERGARTEN_SLOTS).sum()).isEqualTo(870);
        assertThat(Arrays.stream(DemoFacilities.STANDALONE_SLOTS).sum()).isEqualTo(310);
        List<String> townships = IntStream.rangeClosed(1, 32).mapToObj(i -> "331121%03d".formatted(i)).toList();
        assertThat(DemoFacilities.childcareTownships(townships)).hasSize(15);
    }

    @Test
    void staffAreSpreadInProportionAndAllAssigned() {
        int[] weights = {80, 20};
        long first = IntStream.range(0, 100).filter(i -> DemoFacilities.employerOf(i, 100, weights) == 0).count();
        assertThat(first).isEqualTo(80);
    }

    @Test
    void demoClassesFillTheSlotsWithinTheLimits() {
        assertThat(DemoFacilities.classes(45, List.of(ChildcareClassType.OLDER_TODDLER, ChildcareClassType.TODDLER)))
                .extracting(c -> c.capacity()).containsExactly(20, 15, 10);
    }
}
