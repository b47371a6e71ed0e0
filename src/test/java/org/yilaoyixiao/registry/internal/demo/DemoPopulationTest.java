package org.yilaoyixiao.registry.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.ResidentIdNumber;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The demo population the test configuration asks for ({@code yly.demo.scale=0.01}), as loaded with COPY into the
 * shared test database at start: totals, proportions, valid encrypted ID numbers, guardians with consent, contacts
 * abroad. Other tests add real (non-synthetic) people meanwhile, so every count here looks at synthetic rows only.
 */
@PlatformTest
class DemoPopulationTest {

    @Autowired
    DemoPopulationStartup startup;

    @Autowired
    DemoPopulationLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    private LocalDate today;

    @BeforeEach
    void waitForTheLoad() throws Exception {
        DemoLoadOutcome outcome = startup.completion().get(3, TimeUnit.MINUTES);
        assertThat(outcome.result()).isIn(DemoLoadOutcome.Result.LOADED, DemoLoadOutcome.Result.REGISTRY_NOT_EMPTY);
        today = BusinessTime.today(clock);
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from registry.person p where synthetic and " + where)
                .param("elderCut", PersonCategory.elderBornOnOrBefore(today))
                .param("infantCut", PersonCategory.infantBornAfter(today))
                .query(Long.class).single();
    }

    private long elders(String and) {
        return count("birth_date <= :elderCut and :infantCut is not null and " + and);
    }

    @Test
    void theTestScaleGivesAboutAThousandPeopleInTheCountysProportions() {
        assertThat(startup.scale().factor()).isEqualTo(0.01);
        long elders = elders("true");
        long infants = count("birth_date > :infantCut and :elderCut is not null");
        // 95,900 and 3,600 at scale 1; a birthday at midnight may move one person across a line
        assertThat(elders).isBetween(957L, 961L);
        assertThat(infants).isBetween(35L, 37L);
        assertThat(count("true")).isEqualTo(elders + infants);

        assertThat(elders("birth_date <= :elderCut - interval '10 years'")).as("70+").isBetween(elders / 3, elders / 2);
        assertThat(elders("birth_date <= :elderCut - interval '30 years'")).as("90+").isPositive();
        long womenOver80 = elders("birth_date <= :elderCut - interval '20 years' and sex = 'FEMALE'");
        long menOver80 = elders("birth_date <= :elderCut - interval '20 years' and sex = 'MALE'");
        assertThat(womenOver80).isGreaterThan(menOver80);

        assertThat(elders("'EMPTY_NEST' = any(living_situation)")).isBetween(elders * 45 / 100, elders * 80 / 100);
        assertThat(elders("'LEFT_BEHIND' = any(living_situation)")).isBetween(elders * 25 / 100, elders * 55 / 100);
        assertThat(elders("'LIVING_ALONE' = any(living_situation)")).isBetween(elders * 5 / 100, elders * 25 / 100);
        assertThat(elders("'SEVERE_DISABILITY' = any(living_situation)")).isBetween(1L, elders * 5 / 100);
        assertThat(elders("'FAMILY_PLANNING_SPECIAL' = any(living_situation)")).isBetween(1L, elders * 2 / 100);
        long poor = elders("economic_status in ('MINIMUM_LIVING', 'LOW_INCOME_MARGINAL')");
        assertThat(poor).isBetween(elders * 2 / 100, elders * 8 / 100);
        // under 1 % at scale 1 (0.4 %); a thousand people are a small sample
        assertThat(elders("economic_status = 'EXTREME_POVERTY'")).isLessThan(elders * 2 / 100);
    }

    @Test
    void idNumbersAreEncryptedIndexedMaskedValidAndUnique() {
        assertThat(jdbc.sql("select count(distinct id_number_index) = count(*) from registry.person where synthetic")
                .query(Boolean.class).single()).isTrue();
        List<Map<String, Object>> sample = jdbc.sql("""
                        select id_number_cipher, id_number_index, id_number_masked, sex, birth_date
                        from registry.person where synthetic order by id limit 300""").query().listOfRows();
        assertThat(sample).hasSize(300);
        for (Map<String, Object> row : sample) {
            String plain = cipher.decrypt((byte[]) row.get("id_number_cipher"));
            ResidentIdNumber id = ResidentIdNumber.parse(plain, today);
            assertThat(id.addressCode()).isEqualTo("331121");
            assertThat(id.sex().name()).isEqualTo(row.get("sex"));
            assertThat(java.sql.Date.valueOf(id.birthDate())).isEqualTo(row.get("birth_date"));
            assertThat((byte[]) row.get("id_number_index")).isEqualTo(blindIndex.of(plain));
            assertThat(row.get("id_number_masked")).isEqualTo(id.masked());
        }
    }

    @Test
    void aSyntheticPersonIsFoundByTheExactIdNumberLikeAnyOther() throws Exception {
        byte[] cipherText = jdbc.sql("select id_number_cipher from registry.person where synthetic order by id limit 1")
                .query(byte[].class).single();
        mvc.perform(get("/api/v1/persons").param("idNumber", cipher.decrypt(cipherText))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void everyoneLivesInAVillageOfTheCountyInsideItsTownshipAndInOneHousehold() {
        List<Map<String, Object>> places = jdbc.sql("""
                        select distinct residence_division_code, township_code from registry.person where synthetic""")
                .query().listOfRows();
        assertThat(places).hasSizeGreaterThan(100);
        for (Map<String, Object> place : places) {
            Division village = divisions.find((String) place.get("residence_division_code")).orElseThrow();
            assertThat(village.level()).isEqualTo(DivisionLevel.VILLAGE);
            assertThat(village.parentCode()).isEqualTo(place.get("township_code"));
            assertThat(divisions.isWithin(PlatformTest.COUNTY, village.code())).isTrue();
        }
        assertThat(jdbc.sql("""
                        select count(*) from registry.person p where synthetic
                        and not exists (select 1 from registry.household_member m where m.person_id = p.id)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from registry.household_member m join registry.household h on h.id = m.household_id
                        join registry.person p on p.id = m.person_id where p.synthetic
                        and h.division_code <> p.residence_division_code""").query(Long.class).single()).isZero();
    }

    @Test
    void everyInfantHasAGuardianWhoseConsentIsRecorded() {
        assertThat(jdbc.sql("""
                        select count(*) from registry.person p where synthetic and birth_date > :cut
                        and not exists (select 1 from registry.guardian g where g.infant_id = p.id)""")
                .param("cut", PersonCategory.infantBornAfter(today)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from registry.guardian g join registry.person p on p.id = g.infant_id
                        where p.synthetic and (g.consent_method <> 'WRITTEN' or g.consent_given_at > now()
                            or g.consent_given_at < p.birth_date)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from registry.guardian g join registry.person p on p.id = g.infant_id
                        where p.synthetic and g.relation = 'MOTHER'""").query(Long.class).single())
                .isGreaterThanOrEqualTo(35L);
    }

    @Test
    void manyEldersHaveFamilyAbroadWithTheCountrysTimeZone() {
        List<Map<String, Object>> abroad = jdbc.sql("""
                        select c.country_code, c.time_zone, count(*) as n from registry.family_contact c
                        join registry.person p on p.id = c.person_id
                        where p.synthetic and c.country_code <> 'CN' group by c.country_code, c.time_zone""")
                .query().listOfRows();
        Map<String, String> zones = Map.of("IT", "Europe/Rome", "ES", "Europe/Madrid", "FR", "Europe/Paris",
                "PT", "Europe/Lisbon", "NL", "Europe/Amsterdam", "DE", "Europe/Berlin", "AT", "Europe/Vienna");
        assertThat(abroad).isNotEmpty();
        for (Map<String, Object> row : abroad) {
            assertThat(zones).containsEntry((String) row.get("country_code"), (String) row.get("time_zone"));
        }
        long eldersWithFamilyAbroad = jdbc.sql("""
                        select count(distinct c.person_id) from registry.family_contact c
                        join registry.person p on p.id = c.person_id where p.synthetic and c.country_code <> 'CN'""")
                .query(Long.class).single();
        assertThat(eldersWithFamilyAbroad).isGreaterThan(100);
        assertThat(jdbc.sql("""
                        select count(*) from registry.family_contact c join registry.person p on p.id = c.person_id
                        where p.synthetic and c.emergency""").query(Long.class).single()).isPositive();
    }

    @Test
    void theLoaderDoesNothingWhenTheRegistryAlreadyHasPeople() {
        long before = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
        DemoLoadOutcome outcome = loader.loadIfEmpty(new DemoScale(0.01));
        assertThat(outcome.result()).isEqualTo(DemoLoadOutcome.Result.REGISTRY_NOT_EMPTY);
        assertThat(loader.loadIfEmpty(DemoScale.NONE).result()).isEqualTo(DemoLoadOutcome.Result.NOT_REQUESTED);
        assertThat(jdbc.sql("select count(*) from registry.person").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theLoadIsInTheAuditTrail() {
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'DEMO_POPULATION_LOADED' and actor = 'system'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
