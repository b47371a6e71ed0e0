package org.yilaoyixiao.facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** Capacity added from outside (a completed plan project) lands in the approved beds and slots, audited. */
@PlatformTest
class FacilityCapacityTest {

    @Autowired
    FacilityCapacity capacity;

    @Autowired
    FacilityDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void bedsOfATypeAndSlotsAreAddedAndAudited() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long institution = fixtures.institution(Accounts.unique("扩建院"), 20, 10);
        assertThat(capacity.addInstitutionBeds(institution, BedType.ASSISTED, 15, "测试扩建")).isEqualTo(25);
        assertThat(capacity.addInstitutionBeds(institution, BedType.NURSING, 5, "测试扩建")).isEqualTo(25);
        assertThat(jdbc.sql("select nursing_beds || '/' || assisted_beds from facilities.published_institution"
                + " where id = :id").param("id", institution).query(String.class).single()).isEqualTo("25/25");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'INSTITUTION_BEDS_ADDED'"
                + " and target = :t").param("t", "institution:" + institution).query(Long.class).single()).isEqualTo(2);

        long provider = fixtures.provider(Accounts.unique("扩班园"), 20,
                "[{\"type\":\"TODDLER\",\"capacity\":15}]").get("id").asLong();
        assertThat(capacity.addChildcareSlots(provider, 30, "测试扩班")).isEqualTo(50);
        assertThat(directory.childcareProvider(provider).orElseThrow().approvedSlots()).isEqualTo(50);

        assertThatThrownBy(() -> capacity.addChildcareSlots(Long.MAX_VALUE, 1, "x"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> capacity.addInstitutionBeds(institution, BedType.NURSING, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
