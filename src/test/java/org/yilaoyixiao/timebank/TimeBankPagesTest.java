package org.yilaoyixiao.timebank;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** The list pages render what the API recorded: volunteers, talents by skill, courses with learners. */
@PlatformTest
class TimeBankPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private org.springframework.mock.web.MockHttpSession session;

    private org.springframework.test.web.servlet.ResultActions page(String path) throws Exception {
        if (session == null) {
            session = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                            .param("username", PlatformTest.ADMIN).param("password", PlatformTest.ADMIN_PASSWORD)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getRequest().getSession();
        }
        return mvc.perform(get(path).session(session).header("Accept-Language", "zh-CN")).andExpect(status().isOk());
    }

    @Test
    void pagesShowVolunteersTalentsAndCourses() throws Exception {
        TimeBankFixtures fx = new TimeBankFixtures(mvc, json);
        String name = "页面人才" + System.nanoTime() % 100_000;
        long elder = fx.person(name, 68, PlacementFixtures.VILLAGE);
        fx.register(elder, "页面测试协会", "[\"竹编手艺\"]", false).andExpect(status().isCreated());
        page("/timebank/volunteers?division=" + PlacementFixtures.VILLAGE)
                .andExpect(content().string(Matchers.containsString("志愿者与时间银行")));
        page("/timebank/volunteers/" + elder).andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("代办模式")));
        page("/timebank/persons/" + elder + "/tab").andExpect(content().string(Matchers.containsString("打开时间账户")))
                .andExpect(content().string(Matchers.containsString("页面测试协会")));
        page("/timebank/talents?skill=竹编&division=" + PlacementFixtures.VILLAGE)
                .andExpect(content().string(Matchers.containsString(name)));
        long course = fx.body(fx.send(post("/api/v1/courses"), """
                {"title":"页面课程","mode":"ONLINE","divisionCode":"%s","termStart":"2026-01-05","termEnd":"2026-12-20",
                 "sessions":6}""".formatted(PlacementFixtures.VILLAGE))).get("id").asLong();
        fx.send(post("/api/v1/courses/" + course + "/enrolments"), "{\"personId\":%d}".formatted(elder))
                .andExpect(status().isCreated());
        page("/timebank/courses").andExpect(content().string(Matchers.containsString("页面课程")));
        page("/timebank/courses/" + course).andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("一个学期出勤不少于 3 次（共 6 次）")));
        page("/timebank/activities").andExpect(content().string(Matchers.containsString("活动确认记时")));
    }
}
