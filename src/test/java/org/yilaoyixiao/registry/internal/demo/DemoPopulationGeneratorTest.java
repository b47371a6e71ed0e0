package org.yilaoyixiao.registry.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.ResidentIdNumber;

/** The generator on its own, without a database: determinism, exact totals, valid and unique ID numbers. */
class DemoPopulationGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final List<Residence> RESIDENCES = List.of(
            new Residence("331121001901", "鹤城一社区", "331121001", 4.2),
            new Residence("331121001902", "鹤城二村", "331121001", 3.0),
            new Residence("331121101901", "温溪一村", "331121101", 2.0),
            new Residence("331121200901", "万山一村", "331121200", 1.0));

    private static List<DemoHousehold> generate(double scale, long seed) {
        List<DemoHousehold> households = new ArrayList<>();
        new DemoPopulationGenerator(new DemoScale(scale), RESIDENCES, TODAY, NOW, seed).generate(households::add);
        return households;
    }

    private static List<DemoPerson> people(List<DemoHousehold> households) {
        return households.stream().flatMap(h -> h.members().stream()).map(DemoHousehold.Member::person).toList();
    }

    @Test
    void theSameSeedGivesTheSamePeopleInTheSameOrder() {
        List<DemoPerson> first = people(generate(0.05, DemoPopulationGenerator.DEFAULT_SEED));
        List<DemoPerson> again = people(generate(0.05, DemoPopulationGenerator.DEFAULT_SEED));
        List<DemoPerson> otherSeed = people(generate(0.05, 42));
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed.subList(0, 20)).isNotEqualTo(first.subList(0, 20));
    }

    @Test
    void totalsFollowTheScaleExactly() {
        List<DemoPerson> people = people(generate(0.1, DemoPopulationGenerator.DEFAULT_SEED));
        long elders = people.stream().filter(p -> PersonCategory.of(p.birthDate(), TODAY) == PersonCategory.ELDER)
                .count();
        long infants = people.stream().filter(p -> PersonCategory.of(p.birthDate(), TODAY) == PersonCategory.INFANT)
                .count();
        assertThat(elders).isEqualTo(9_590);
        assertThat(infants).isEqualTo(360);
        assertThat(people).hasSize(9_950);
    }

    @Test
    void everyIdNumberIsValidUniqueAndMatchesBirthDateAndSex() {
        List<DemoPerson> people = people(generate(0.1, DemoPopulationGenerator.DEFAULT_SEED));
        Set<String> seen = new HashSet<>();
        for (DemoPerson person : people) {
            ResidentIdNumber id = ResidentIdNumber.parse(person.idNumber(), TODAY);
            assertThat(id.addressCode()).isEqualTo("331121");
            assertThat(id.birthDate()).isEqualTo(person.birthDate());
            assertThat(id.sex()).isEqualTo(person.sex());
            assertThat(seen.add(id.value())).as("unique %s", id).isTrue();
        }
    }

    @Test
    void agesReachPastNinetyAndInfantsAreUnderThree() {
        List<DemoPerson> people = people(generate(0.1, DemoPopulationGenerator.DEFAULT_SEED));
        assertThat(people).anyMatch(p -> Period.between(p.birthDate(), TODAY).getYears() >= 90);
        assertThat(people).allMatch(p -> {
            int age = Period.between(p.birthDate(), TODAY).getYears();
            return age >= 60 && age <= 104 || age < 3;
        });
    }

    @Test
    void scaleIsResolvedFromTheSettings() {
        assertThat(DemoScale.resolve(true, "", "").factor()).isEqualTo(1);
        assertThat(DemoScale.resolve(true, null, "jdbc:postgresql://db/yly").none()).isTrue();
        assertThat(DemoScale.resolve(true, "0.5", "jdbc:postgresql://db/yly").factor()).isEqualTo(0.5);
        assertThat(DemoScale.resolve(true, "0", "").none()).isTrue();
        assertThat(DemoScale.resolve(false, "10", "").none()).isTrue();
        assertThatThrownBy(() -> DemoScale.resolve(true, "many", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YLY_DEMO_SCALE");
        assertThatThrownBy(() -> DemoScale.resolve(true, "-1", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
