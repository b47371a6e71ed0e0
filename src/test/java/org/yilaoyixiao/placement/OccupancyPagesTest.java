package org.yilaoyixiao.placement;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The facilities pages show the occupancy the placement module provides. */
@PlatformTest
class OccupancyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    private MockHttpSession admin() throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void theInstitutionPageCountsResidentsAndTheProviderPageEnrolledChildren() throws Exception {
        long home = fixtures.institution("占用测试养老院", 3, 2);
        fixtures.send(post("/api/v1/placements"), """
                {"personId":%d,"institutionId":%d,"bedType":"NURSING","from":"2026-03-01"}
                """.formatted(fixtures.elder("占用老人"), home)).andExpect(status().isCreated());
        MockHttpSession session = admin();
        mvc.perform(get("/facilities/institutions/" + home).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"text-end\">1</td>")));

        JsonNode provider = fixtures.provider("占用测试托育园", 15, "[{\"type\":\"TODDLER\",\"capacity\":15}]");
        long providerId = provider.get("id").asLong();
        long classId = provider.get("classes").get(0).get("id").asLong();
        fixtures.carers(providerId, classId, 3);
        fixtures.enrol(fixtures.child("占用宝宝", LocalDate.now().minusMonths(16)), providerId, classId,
                LocalDate.now().toString()).andExpect(status().isCreated());
        mvc.perform(get("/facilities/providers/" + providerId).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"text-end\">1</td>")));
    }
}
