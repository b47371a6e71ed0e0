package org.yilaoyixiao.placement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassRules;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.ClassAdmission;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The demo occupancy: synthetic elders within the approved beds at the intended occupancy, carers by the national
 * ratio, every enrolment within its class rules and its provider's slots, and loaded only once. The test scale has
 * far fewer people than places, so the lower bounds hold only where the loader had people enough.
 */
@PlatformTest
class DemoPlacementsTest {

    @Autowired
    DemoPlacementsStartup startup;

    @Autowired
    DemoPlacements demo;

    @Autowired
    FacilityDirectory facilities;

    @Autowired
    PersonDirectory persons;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void intendedRatesStayInRange() {
        for (int i = 0; i < 8; i++) {
            for (BedType type : BedType.values()) {
                assertThat(DemoPlacements.occupancy(i, type)).isBetween(0.75, 0.85);
            }
        }
        for (int i = 0; i < 34; i++) {
            assertThat(DemoPlacements.enrolment(i)).isBetween(0.80, 0.90);
        }
    }

    @Test
    void demoOccupancyKeepsEveryRule() throws Exception {
        DemoPlacements.Outcome outcome = startup.completion().get(5, TimeUnit.MINUTES);
        assertThat(outcome.loaded()).isTrue();
        assertThat(outcome.placed()).isPositive();

        List<InstitutionSummary> homes = facilities.syntheticInstitutions();
        assertThat(homes).hasSize(8);
        int demoResidents = 0;
        for (InstitutionSummary home : homes) {
            for (BedType type : BedType.values()) {
                int approved = home.approved(type);
                long residents = count("select count(*) from placement.placement where institution_id = ?"
                        + " and kind = 'INSTITUTION' and bed_type = ? and to_date is null", home.id(), type.name());
                long synthetic = count("select count(*) from placement.placement where institution_id = ?"
                        + " and kind = 'INSTITUTION' and bed_type = ? and to_date is null and synthetic",
                        home.id(), type.name());
                assertThat(residents).as(home.name() + " " + type).isLessThanOrEqualTo(approved);
                assertThat(synthetic).isLessThanOrEqualTo((long) Math.floor(approved * 0.85));
                if (outcome.elderShare() >= 1) {
                    assertThat(synthetic).isGreaterThanOrEqualTo((long) Math.floor(approved * 0.75));
                }
                demoResidents += (int) synthetic;
            }
        }
        assertThat(demoResidents).isEqualTo(outcome.placed());
        long family = count("select count(*) from placement.placement where kind = 'FAMILY_BED' and synthetic");
        assertThat(family).isEqualTo(outcome.familyBeds()).isLessThanOrEqualTo(DemoPlacements.FAMILY_BEDS);
        if (outcome.elderShare() >= 1) {
            assertThat(family).isEqualTo(DemoPlacements.FAMILY_BEDS);
        }
        // only synthetic elders, 60 or over when admitted, supervised by demo institutions
        List<Long> homeIds = homes.stream().map(InstitutionSummary::id).toList();
        jdbc.sql("select person_id, institution_id, from_date from placement.placement where synthetic")
                .query((rs, i) -> {
                    PersonSummary elder = persons.find(rs.getLong(1)).orElseThrow();
                    assertThat(elder.ageOn(rs.getObject(3, LocalDate.class))).isGreaterThanOrEqualTo(60);
                    assertThat(homeIds).contains(rs.getLong(2));
                    return 1;
                }).list();
        assertThat(count("select count(*) from placement.placement p join registry.person r on r.id = p.person_id"
                + " where p.synthetic and not r.synthetic")).isZero();

        ChildcareClassRules rules = ChildcareClassRules.national();
        List<ChildcareProviderSummary> providers = facilities.syntheticProviders();
        assertThat(providers).hasSize(34);
        int enrolled = 0;
        for (ChildcareProviderSummary provider : providers) {
            long withProvider = count("select count(*) from placement.enrolment where provider_id = ?"
                    + " and to_date is null", provider.id());
            assertThat(withProvider).isLessThanOrEqualTo(provider.approvedSlots());
            assertThat(withProvider).isLessThanOrEqualTo((long) Math.floor(provider.approvedSlots() * 0.90));
            if (outcome.infantShare() >= 1) {
                assertThat(withProvider).isGreaterThanOrEqualTo((long) Math.floor(provider.approvedSlots() * 0.80));
            }
            for (ChildcareClass childcareClass : provider.classes()) {
                int carers = jdbc.sql("select carers from placement.class_carers where class_id = ?")
                        .param(childcareClass.id()).query(Integer.class).single();
                assertThat(carers).isEqualTo(demo.carersFor(childcareClass));
                // the class's children, enrolled one after another, each admitted by the national rules
                List<Integer> ages = new ArrayList<>();
                List<long[]> rows = jdbc.sql("select person_id, from_date from placement.enrolment"
                                + " where class_id = ? and to_date is null order by id").param(childcareClass.id())
                        .query((rs, i) -> new long[] {rs.getLong(1),
                                rs.getObject(2, LocalDate.class).toEpochDay()}).list();
                for (long[] row : rows) {
                    PersonSummary child = persons.find(row[0]).orElseThrow();
                    int age = child.ageMonthsOn(LocalDate.ofEpochDay(row[1]));
                    assertThat(rules.admit(childcareClass.type(), ages, carers, age))
                            .as("class " + childcareClass.id() + " child " + row[0])
                            .isEqualTo(ClassAdmission.ADMITTED);
                    ages.add(age);
                }
                assertThat(ages.size()).isLessThanOrEqualTo(childcareClass.capacity());
                enrolled += ages.size();
            }
        }
        assertThat(enrolled).isEqualTo(outcome.enrolled());
        assertThat(count("select count(*) from placement.enrolment where synthetic")).isEqualTo(outcome.enrolled());
        assertThat(count("select count(*) from audit.audit_event where type = 'DEMO_PLACEMENTS_LOADED'"
                + " and actor = 'system'")).isEqualTo(1);

        // loaded once: another run adds nothing
        long placements = count("select count(*) from placement.placement");
        long enrolments = count("select count(*) from placement.enrolment");
        long carers = count("select count(*) from placement.class_carers");
        assertThat(demo.load().loaded()).isFalse();
        assertThat(count("select count(*) from placement.placement")).isEqualTo(placements);
        assertThat(count("select count(*) from placement.enrolment")).isEqualTo(enrolments);
        assertThat(count("select count(*) from placement.class_carers")).isEqualTo(carers);
        assertThat(count("select count(*) from audit.audit_event where type = 'DEMO_PLACEMENTS_LOADED'")).isEqualTo(1);
    }
}
