package org.yilaoyixiao.lovecard;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

@PlatformTest
class LoveCardPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpSession admin() throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn().getRequest().getSession(false);
    }

    private ResultActions topUpForm(MockHttpSession session, long person, String source, String amount, String key)
            throws Exception {
        ResultActions preview = mvc.perform(post("/love-cards/" + person + "/top-ups/preview").session(session)
                .with(csrf()).header("Accept-Language", "zh-CN").param("source", source).param("amount", amount)
                .param("reference", "收据0001").param("donor", "").param("idempotencyKey", key));
        var confirmation = org.jsoup.Jsoup.parse(preview.andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).selectFirst("input[name=confirmation]");
        if (confirmation == null) {
            return preview; // refused on the preview: the card page with the reasons
        }
        return mvc.perform(post("/love-cards/" + person + "/top-ups").session(session).with(csrf())
                .header("Accept-Language", "zh-CN").param("source", source).param("amount", amount)
                .param("reference", "收据0001").param("donor", "").param("idempotencyKey", key)
                .param("confirmation", confirmation.val()));
    }

    @Test
    void aClerkTopsUpThroughTheFormOnceEvenWhenTheFormIsSentTwice() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long person = fixtures.person("爱心页面", TestIdNumbers.next(LocalDate.now().minusYears(86)));
        MockHttpSession session = admin();
        mvc.perform(get("/love-cards/" + person).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("爱心页面 的爱心卡")))
                .andExpect(content().string(containsString("符合发卡条件")))
                .andExpect(content().string(containsString("高龄")));
        topUpForm(session, person, "FAMILY", "88.80", "form-key-" + person).andExpect(status().isOk())
                .andExpect(content().string(containsString("已充值：家庭 88.80 元")))
                .andExpect(content().string(containsString("id=\"balance-total\">88.80")));
        topUpForm(session, person, "FAMILY", "88.80", "form-key-" + person).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有重复入账")))
                .andExpect(content().string(containsString("id=\"balance-total\">88.80")));
        topUpForm(session, person, "DONATION", "5", "form-key-2-" + person).andExpect(status().isOk())
                .andExpect(content().string(containsString("社会捐赠须填写捐赠人")));

        mvc.perform(get("/love-cards/persons/" + person + "/tab").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("88.80")));
        mvc.perform(get("/love-cards").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("试点区域：鹤城街道、腊口镇")))
                .andExpect(content().string(containsString("爱心页面")));
    }

    @Test
    void somebodyOutsideThePilotIsRefusedInChinese() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long person = fixtures.id(fixtures.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"试点外","residenceDivisionCode":"331121002901","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(LocalDate.now().minusYears(90)))));
        topUpForm(admin(), person, "GOVERNMENT", "10", "outside-" + person).andExpect(status().isOk())
                .andExpect(content().string(containsString("此人不住在爱心卡试点区域")))
                .andExpect(content().string(containsString("不符合发卡条件")));
    }
}
