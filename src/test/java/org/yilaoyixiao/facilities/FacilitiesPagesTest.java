package org.yilaoyixiao.facilities;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class FacilitiesPagesTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession admin() throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void listsShowTheDemoFacilitiesWithFilters() throws Exception {
        MockHttpSession session = admin();
        mvc.perform(get("/facilities/institutions").param("operationModel", "PUBLIC_BUILT_PRIVATE_RUN").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("示例颐养院1号"), containsString("公建民营"))));
        mvc.perform(get("/facilities/care-centres").param("kind", "TOWNSHIP_SERVICE_CENTRE").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("居家养老服务中心"), containsString("助浴"))));
        // paging keeps the filters
        // (in the address, as a browser sends it: the pager keeps the query string)
        mvc.perform(get("/facilities/care-centres?kind=ACTIVITY_CENTRE").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/facilities/care-centres?kind=ACTIVITY_CENTRE&amp;page=1\"")));
        mvc.perform(get("/facilities/providers").param("kind", "STANDALONE").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("示例托育园1")));
        mvc.perform(get("/facilities/staff").param("role", "ELDERLY_CARER").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("30天内到期的证书："),
                        containsString("养老护理员"))));
    }

    @Test
    void anInstitutionIsCreatedThroughTheFormAndShownWithItsBeds() throws Exception {
        MockHttpSession session = admin();
        mvc.perform(post("/facilities/institutions").session(session).with(csrf())
                        .param("name", "").param("divisionCode", "").param("premises", "LEASED")
                        .param("nursingApproved", "5").param("nursingCognitive", "6"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写名称"), containsString("请选择有效的所在区划"),
                        containsString("租赁场地须填写租赁到期日"), containsString("认知障碍床位数不能超过核定床位数"),
                        containsString("请选择运营模式"), containsString("is-invalid"))));
        MvcResult created = mvc.perform(post("/facilities/institutions").session(session).with(csrf())
                        .param("name", "表单颐养院").param("divisionCode", PlatformTest.HECHENG)
                        .param("operationModel", "PUBLIC").param("profitType", "NON_PROFIT").param("kind", "CARE_HOME")
                        .param("premises", "OWNED").param("nursingApproved", "40").param("nursingCognitive", "6")
                        .param("assistedApproved", "12").param("assistedCognitive", "0"))
                .andExpect(redirectedUrlPattern("/facilities/institutions/*")).andReturn();
        String url = created.getResponse().getRedirectedUrl();
        mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("表单颐养院"), containsString("护理型"),
                        containsString(">40<"), containsString("公办公营"))));
        mvc.perform(get(url + "/edit").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("表单颐养院")));
    }

    @Test
    void aProviderIsFiledThroughTheFormOnlyWithALongEnoughLease() throws Exception {
        MockHttpSession session = admin();
        mvc.perform(post("/facilities/providers").session(session).with(csrf())
                        .param("name", "表单托育园").param("divisionCode", PlatformTest.HECHENG).param("kind", "STANDALONE")
                        .param("approvedSlots", "30").param("filed", "true").param("filedOn", "2025-09-01")
                        .param("premises", "LEASED").param("leaseEndsOn", "2027-09-01")
                        .param("classes[0].type", "INFANT").param("classes[0].capacity", "12")
                        .param("classes[1].type", "").param("classes[2].type", "TODDLER")
                        .param("classes[2].capacity", "15"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("租赁期自备案之日起不少于3年"),
                        containsString("2028-09-01"), containsString("班额应为1至10人"), containsString("is-invalid"))));
        MvcResult created = mvc.perform(post("/facilities/providers").session(session).with(csrf())
                        .param("name", "表单托育园").param("divisionCode", PlatformTest.HECHENG).param("kind", "STANDALONE")
                        .param("approvedSlots", "30").param("filed", "true").param("filedOn", "2025-09-01")
                        .param("premises", "LEASED").param("leaseEndsOn", "2028-09-01")
                        .param("classes[0].type", "INFANT").param("classes[0].capacity", "10")
                        .param("classes[1].type", "").param("classes[2].type", "TODDLER")
                        .param("classes[2].capacity", "15"))
                .andExpect(redirectedUrlPattern("/facilities/providers/*")).andReturn();
        String url = created.getResponse().getRedirectedUrl();
        mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("表单托育园"), containsString("乳儿班"),
                        containsString("托小班"), containsString("已备案（2025-09-01）"))));
        mvc.perform(get(url + "/edit").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("表单托育园")));
    }

    @Test
    void staffAreRegisteredThroughTheFormWithACertificate() throws Exception {
        MockHttpSession session = admin();
        // the employer is chosen with the facility pickers, not from a select of every facility
        mvc.perform(get("/facilities/staff/new").session(session)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"institution-picker\""),
                        containsString("id=\"provider-picker\""), not(containsString("示例颐养院1号")))));
        mvc.perform(post("/facilities/staff").session(session).with(csrf())
                        .param("name", "").param("role", "").param("employer", "").param("certificateType", "证书"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写姓名"), containsString("请选择岗位"),
                        containsString("请选择所属养老机构或托育机构"), containsString("请填写证书编号"),
                        containsString("请填写证书有效期至"))));
        mvc.perform(post("/facilities/staff").session(session).with(csrf())
                        .param("name", "表单护理员").param("role", "ELDERLY_CARER").param("employer", "I-" + firstInstitution())
                        .param("certificateType", "养老护理员证").param("certificateNumber", "F-1")
                        .param("certificateValidUntil", "2099-12-31").param("talentTitles", "INDUSTRY_ELITE"))
                .andExpect(redirectedUrlPattern("/facilities/institutions/*"));
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long firstInstitution() {
        return jdbc.sql("select min(id) from facilities.institution where synthetic").query(Long.class).single();
    }

    @Test
    void careCentresAreRegisteredThroughTheForm() throws Exception {
        MockHttpSession session = admin();
        mvc.perform(post("/facilities/care-centres").session(session).with(csrf()).param("name", "").param("kind", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写名称"), containsString("请选择设施类型"))));
        mvc.perform(post("/facilities/care-centres").session(session).with(csrf()).param("name", "表单老年食堂")
                        .param("divisionCode", "331121004").param("kind", "ELDERLY_CANTEEN").param("services", "MEALS")
                        .param("openingHours", "11:00-13:00"))
                .andExpect(redirectedUrlPattern("/facilities/care-centres?division=331121004"));
        mvc.perform(get("/facilities/care-centres").param("kind", "ELDERLY_CANTEEN").param("division", "331121004")
                        .session(session))
                .andExpect(content().string(allOf(containsString("表单老年食堂"), containsString("助餐"))));
    }

    @Test
    void aProviderPageShowsItsClasses() throws Exception {
        MockHttpSession session = admin();
        mvc.perform(get("/facilities/providers").param("kind", "COMMUNITY_POINT").session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("示例婴幼儿照护驿站")));
    }
}
