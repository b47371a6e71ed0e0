package org.yilaoyixiao.placement;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

@PlatformTest
class PlacementPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpSession logIn(String user, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", password)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void admitsOnTheFormShowsRefusalsAndTheHistory() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long home = fixtures.institution("页面颐养院", 1, 0);
        long elder = fixtures.elder("页面老人");
        long young = fixtures.person("页面青年", TestIdNumbers.next(LocalDate.of(1990, 1, 1)));
        MockHttpSession admin = logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);

        mvc.perform(post("/placement/admissions").session(admin)
                        .with(csrf()).header("Accept-Language", "zh-CN")
                        .param("personId", Long.toString(young)).param("institutionId", Long.toString(home))
                        .param("kind", "INSTITUTION").param("bedType", "NURSING").param("from", "2026-03-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入住养老床位须年满60周岁")));

        mvc.perform(post("/placement/admissions").session(admin)
                        .with(csrf()).param("personId", Long.toString(elder)).param("institutionId", Long.toString(home))
                        .param("kind", "INSTITUTION").param("bedType", "NURSING").param("from", "2026-03-01"))
                .andExpect(redirectedUrl("/placement/persons/" + elder));

        mvc.perform(get("/placement/persons/" + elder).session(admin)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面老人")))
                .andExpect(content().string(containsString("机构床位")));
        mvc.perform(get("/placement/admissions/new").param("institutionId", Long.toString(home)).session(admin)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面颐养院")))
                .andExpect(content().string(containsString("核定 1 张，在住 1 人，空余 0 张")));
        long placement = fixtures.body(fixtures.get("/api/v1/persons/" + elder + "/placements")).get(0).get("id")
                .asLong();
        mvc.perform(post("/placement/placements/" + placement + "/discharge").session(admin).with(csrf())
                        .header("Accept-Language", "zh-CN").param("personId", Long.toString(elder))
                        .param("on", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期不能早于开始日期 2026-03-01")));
        mvc.perform(post("/placement/placements/" + placement + "/transfer").session(admin).with(csrf())
                        .param("personId", Long.toString(elder)).param("to", "FAMILY_BED")
                        .param("institutionId", Long.toString(home)).param("on", "2026-05-01"))
                .andExpect(redirectedUrl("/placement/persons/" + elder));
        fixtures.get("/api/v1/persons/" + elder + "/placements")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].kind")
                        .value("FAMILY_BED"));
        mvc.perform(get("/placement").param("division", PlatformTest.HECHENG)
                        .session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/placement/persons/" + elder)));
    }

    @Test
    void auditorsReadButDoNotPlaceAndTownshipStaffSeeOnlyTheirScope() throws Exception {
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        mvc.perform(get("/placement").session(logIn(auditor, Accounts.PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/placements").with(httpBasic(auditor, Accounts.PASSWORD))
                        .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elsewhere = fixtures.id(fixtures.send(post("/api/v1/institutions"), """
                {"name":"瓯南安置院","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT",
                 "kind":"CARE_HOME","premises":"OWNED","openedOn":"2020-01-01","medicalPartnership":false,
                 "smartCareHome":false,"beds":[{"type":"NURSING","approved":3,"cognitive":0}]}
                """.formatted(PlatformTest.OUNAN)));
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(post("/api/v1/placements").with(httpBasic(township, Accounts.PASSWORD))
                        .contentType("application/json").content("""
                                {"personId":%d,"institutionId":%d,"bedType":"NURSING","from":"2026-03-01"}
                                """.formatted(fixtures.elder("范围老人"), elsewhere)))
                .andExpect(status().isNotFound());

        // a person's history: for staff whose scope holds the residence (or a placement), else not found
        long hechengElder = fixtures.elder("和城老人");
        mvc.perform(get("/api/v1/persons/" + hechengElder + "/placements").with(httpBasic(township, Accounts.PASSWORD)))
                .andExpect(status().isOk());
        String ounanStaff = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        mvc.perform(get("/api/v1/persons/" + hechengElder + "/placements").with(httpBasic(ounanStaff, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
