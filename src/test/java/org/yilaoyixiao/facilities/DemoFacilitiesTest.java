package org.yilaoyixiao.facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;

/** The synthetic facilities reproduce the 2022 baseline of plan-facts.md §2 exactly. */
@PlatformTest
class DemoFacilitiesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void institutionsAndBeds() {
        assertThat(count("select count(*) from facilities.institution where synthetic")).isEqualTo(8);
        assertThat(count("select count(*) from facilities.institution where synthetic"
                + " and operation_model = 'PUBLIC_BUILT_PRIVATE_RUN'")).isEqualTo(5);
        assertThat(count("select count(*) from facilities.institution where synthetic and operation_model = 'PRIVATE'"))
                .isEqualTo(3);
        assertThat(count("select sum(b.approved) from facilities.institution_bed b join facilities.institution i"
                + " on i.id = b.institution_id where i.synthetic")).isEqualTo(1023);
        assertThat(count("select sum(b.approved) from facilities.institution_bed b join facilities.institution i"
                + " on i.id = b.institution_id where i.synthetic and b.bed_type = 'NURSING'")).isEqualTo(695);
        assertThat(count("select count(*) from facilities.institution where synthetic and not medical_partnership"))
                .isZero();
    }

    @Test
    void communityFacilities() {
        assertThat(count("select count(*) from facilities.care_centre where synthetic and kind = 'VILLAGE_CARE_CENTRE'"))
                .isEqualTo(223);
        assertThat(count("select count(distinct division_code) from facilities.care_centre"
                + " where synthetic and kind = 'VILLAGE_CARE_CENTRE'")).isEqualTo(223);
        assertThat(count("select count(*) from facilities.care_centre where synthetic"
                + " and kind = 'TOWNSHIP_SERVICE_CENTRE'")).isEqualTo(32);
        assertThat(count("select count(distinct division_code) from facilities.care_centre where synthetic"
                + " and kind = 'TOWNSHIP_SERVICE_CENTRE'")).isEqualTo(32);
        assertThat(count("select count(*) from facilities.care_centre where synthetic and kind = 'ACTIVITY_CENTRE'"))
                .isEqualTo(385);
    }

    @Test
    void childcareProvidersAndSlots() {
        String demo = "select %s from facilities.childcare_provider where synthetic";
        assertThat(count(demo.formatted("count(*)"))).isEqualTo(34);
        assertThat(count(demo.formatted("sum(approved_slots)"))).isEqualTo(1200);
        assertThat(count(demo.formatted("count(*)") + " and kind = 'KINDERGARTEN_CLASS'")).isEqualTo(28);
        assertThat(count(demo.formatted("sum(approved_slots)") + " and kind = 'KINDERGARTEN_CLASS'")).isEqualTo(870);
        assertThat(count(demo.formatted("count(*)") + " and kind = 'STANDALONE' and filed")).isEqualTo(5);
        assertThat(count(demo.formatted("sum(approved_slots)") + " and kind = 'STANDALONE' and filed")).isEqualTo(310);
        assertThat(count(demo.formatted("count(*)") + " and kind not in ('KINDERGARTEN_CLASS', 'STANDALONE')"))
                .isEqualTo(1);
        assertThat(count(demo.formatted("sum(approved_slots)") + " and kind not in ('KINDERGARTEN_CLASS', 'STANDALONE')"))
                .isEqualTo(20);
        assertThat(count(demo.formatted("count(distinct division_code)"))).isEqualTo(15);
        // classes fill the approved slots within the national class sizes
        assertThat(count("select sum(c.capacity) from facilities.childcare_class c join facilities.childcare_provider p"
                + " on p.id = c.provider_id where p.synthetic")).isEqualTo(1200);
        assertThat(count("select count(*) from facilities.childcare_class c join facilities.childcare_class_limit l"
                + " on l.class_type = c.class_type where c.capacity > l.max_children")).isZero();
    }

    @Test
    void certifiedStaff() throws Exception {
        assertThat(count("select count(*) from facilities.staff_member where synthetic and role = 'CHILDCARE_WORKER'"))
                .isEqualTo(450);
        assertThat(count("select count(*) from facilities.staff_member s where synthetic and role = 'CHILDCARE_WORKER'"
                + " and exists (select 1 from facilities.staff_certificate c where c.staff_id = s.id"
                + " and c.valid_until >= current_date)")).isEqualTo(450);
        assertThat(count("select count(*) from facilities.staff_member s where synthetic and role = 'ELDERLY_CARER'"
                + " and exists (select 1 from facilities.staff_certificate c where c.staff_id = s.id"
                + " and c.valid_until >= current_date)")).isEqualTo(225);
        // 225 per 95,900 elders ≈ 23.5 per 10,000
        assertThat(225 * 10_000.0 / 95_900).isBetween(23.4, 23.6);
        mvc.perform(get("/api/v1/staff/certificates/expiring").param("days", "30")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(8));
        // other tests add carers of their own, never fewer
        String body = mvc.perform(get("/api/v1/staff/certified-count")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("ELDERLY_CARER"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"))).isGreaterThanOrEqualTo(225);
    }
}
