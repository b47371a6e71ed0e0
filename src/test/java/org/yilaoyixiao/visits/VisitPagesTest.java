package org.yilaoyixiao.visits;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class VisitPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    Clock clock;

    private MockHttpSession login(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", user).param("password", password)
                .with(csrf())).andReturn().getRequest().getSession(false);
    }

    private ResultActions page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .session(session).header("Accept-Language", "zh-CN"));
    }

    @Test
    void aVisitorSeesTheirOverdueVisitsAndTheSupervisorSeesThemLagging() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        YearMonth previous = YearMonth.from(BusinessTime.today(clock)).minusMonths(1);
        String village = fx.freshVillage();
        String butler = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
        long elder = fx.elder("页面老人", village, "MINIMUM_LIVING", "LIVING_ALONE");
        fx.generate(previous);

        MockHttpSession session = login(butler, Accounts.PASSWORD);
        page(session, "/visits").andExpect(status().isOk())
                .andExpect(content().string(containsString("已逾期")))
                .andExpect(content().string(containsString("页面老人")))
                .andExpect(content().string(containsString("开始探访")));

        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        page(admin, "/visits/supervision?division=" + VisitFixtures.TOWNSHIP + "&month=" + previous)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("测试用户")))
                .andExpect(content().string(containsString("逾期未访")));
        // the supervision page shows the oldest few; the village's overdue list all of them, paged
        page(admin, "/visits/overdue?division=" + village).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面老人")));
        page(admin, "/visits/targets?division=" + village + "&month=" + previous).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面老人")))
                .andExpect(content().string(containsString("独居")));
        page(admin, "/visits/persons/" + elder + "/tab").andExpect(status().isOk())
                .andExpect(content().string(containsString("尚无探访记录")));

        // the phone page's own submission endpoint, in the web session with its CSRF token
        String body = VisitFixtures.visit(elder, VisitFixtures.noon(previous, 11), "PHONE", VisitFixtures.key(), null);
        mvc.perform(post("/visits/field").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated());
        mvc.perform(post("/visits/field").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
        mvc.perform(post("/visits/field").session(session).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        page(session, "/visits").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("页面老人"))));
        page(admin, "/visits/persons/" + elder + "/tab").andExpect(status().isOk())
                .andExpect(content().string(containsString("电话探访")));
        // county leaders land on the indicator dashboard; the division tree with the counts is the home page
        page(admin, "/home").andExpect(status().isOk())
                .andExpect(content().string(containsString("本月探访对象")))
                .andExpect(content().string(containsString("本月已探访")));
    }
}
