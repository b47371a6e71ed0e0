package org.yilaoyixiao.registry;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

@PlatformTest
class PersonPagesTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession admin() throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String createThroughTheForm(MockHttpSession session, String idNumber, String name) throws Exception {
        MvcResult created = mvc.perform(post("/persons").session(session).with(csrf())
                        .param("idNumber", idNumber).param("name", name).param("phone", "0578-6812345")
                        .param("residenceDivisionCode", "331121106901").param("localHukou", "true")
                        .param("economicStatus", "MINIMUM_LIVING").param("livingSituation", "LIVING_ALONE"))
                .andExpect(redirectedUrlPattern("/persons/*")).andReturn();
        return created.getResponse().getRedirectedUrl();
    }

    @Test
    void aClerkRegistersSomeoneAndSeesTheRecordMasked() throws Exception {
        MockHttpSession session = admin();
        String idNumber = TestIdNumbers.nextElder();
        String url = createThroughTheForm(session, idNumber, "季阿公");
        mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("季阿公"), containsString(idNumber.substring(0, 6) + "********"),
                        not(containsString(idNumber)), containsString("腊口镇"), containsString("低保"),
                        containsString("独居"), containsString("家庭与联系人"))));
        mvc.perform(post(url + "/reveal-id").session(session).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(idNumber)));
    }

    @Test
    void theFormReportsEveryProblemInChinese() throws Exception {
        mvc.perform(post("/persons").session(admin()).with(csrf())
                        .param("idNumber", "110105194912310021").param("name", "")
                        .param("residenceDivisionCode", "").param("phone", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("校验码不对"), containsString("请填写姓名"),
                        containsString("请选择有效的居住地"), containsString("电话号码格式不对"), containsString("is-invalid"))));
    }

    @Test
    void editingKeepsTheStoredIdNumberWhenLeftEmpty() throws Exception {
        MockHttpSession session = admin();
        String url = createThroughTheForm(session, TestIdNumbers.nextElder(), "吴阿婆");
        mvc.perform(get(url + "/edit").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("留空表示不修改")));
        mvc.perform(post(url).session(session).with(csrf())
                        .param("idNumber", "").param("name", "吴阿婆").param("version", "0")
                        .param("residenceDivisionCode", "331121106902").param("localHukou", "false")
                        .param("economicStatus", "NONE").param("status", "ACTIVE"))
                .andExpect(redirectedUrlPattern("/persons/*"));
        mvc.perform(get(url).session(session)).andExpect(content().string(containsString("腊口二村")));
    }

    @Test
    void searchListsMaskedIdsAndFindsByName() throws Exception {
        MockHttpSession session = admin();
        String idNumber = TestIdNumbers.nextElder();
        String name = "徐" + (System.nanoTime() % 10000) + "公";
        createThroughTheForm(session, idNumber, name);
        mvc.perform(get("/persons").param("q", name).header("HX-Request", "true").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), not(containsString(idNumber)),
                        containsString("id=\"person-results\""), not(containsString("id=\"mainNav\"")))));
        mvc.perform(get("/persons").param("q", idNumber).session(session))
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void contactsAbroadAndGuardianConsentAreRecordedOnTheRelationsTab() throws Exception {
        MockHttpSession session = admin();
        String elder = createThroughTheForm(session, TestIdNumbers.nextElder(), "叶阿婆");
        mvc.perform(post(elder + "/contacts").session(session).with(csrf()).header("HX-Request", "true")
                        .param("name", "叶小明").param("relation", "SON").param("phone", "+39 333 1234567")
                        .param("countryCode", "it").param("timeZone", "Europe/Rome").param("emergency", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("叶小明"), containsString("意大利"),
                        containsString("当地时间"), containsString("紧急联系人"))));
        // guardians are for children only: the elder's tab offers no guardian form
        mvc.perform(get(elder + "/relations").session(session))
                .andExpect(content().string(not(containsString("监护人同意时间"))));
        String infant = createThroughTheForm(session, TestIdNumbers.next(LocalDate.now().minusMonths(7)), "叶小宝");
        mvc.perform(post(infant + "/guardians").session(session).with(csrf()).header("HX-Request", "true")
                        .param("name", "陈丽").param("relation", "MOTHER").param("phone", "13905781111")
                        .param("consentGivenAt", "2026-01-01T10:00").param("consentMethod", "WRITTEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("陈丽"), containsString("同意时间"),
                        containsString("书面"))));
    }

    @Test
    void likelyDuplicatesAreListedForReview() throws Exception {
        MockHttpSession session = admin();
        String name = "林" + (System.nanoTime() % 10000) + "婆";
        LocalDate birth = LocalDate.of(1938, 6, 6);
        createThroughTheForm(session, TestIdNumbers.of(birth, 10), name);
        createThroughTheForm(session, TestIdNumbers.of(birth, 12), name);
        mvc.perform(get("/persons/duplicates").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("1938-06-06"))));
    }
}
