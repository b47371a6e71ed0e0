package org.yilaoyixiao.facilities;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class FacilitiesApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private static final String INSTITUTION = """
            {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT","kind":"CARE_HOME",
             "starRating":3,"starRatedOn":"2024-05-01","premises":"LEASED","leaseEndsOn":"2031-12-31",
             "openedOn":"2020-01-01","medicalPartnership":true,"smartCareHome":false,
             "beds":[{"type":"NURSING","approved":%d,"cognitive":%d},{"type":"ASSISTED","approved":20,"cognitive":0}]%s}
            """;

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body, String user, String password)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").content(body));
    }

    private long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
    }

    @Test
    void createsReadsAndUpdatesAnInstitutionWithOptimisticLocking() throws Exception {
        long id = id(send(post("/api/v1/institutions"), INSTITUTION.formatted("测试颐养院", PlatformTest.HECHENG, 50, 8, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.operationModel").value("PRIVATE"))
                .andExpect(jsonPath("$.beds[0].type").value("NURSING"))
                .andExpect(jsonPath("$.beds[0].approved").value(50))
                .andExpect(jsonPath("$.beds[0].cognitive").value(8))
                .andExpect(jsonPath("$.premises").value("LEASED"))
                .andExpect(jsonPath("$.version").value(0)));

        mvc.perform(get("/api/v1/institutions/" + id).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("测试颐养院"));

        send(put("/api/v1/institutions/" + id), INSTITUTION.formatted("测试颐养院（新）", PlatformTest.HECHENG, 60, 8,
                ",\"version\":0"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.beds[0].approved").value(60));
        send(put("/api/v1/institutions/" + id), INSTITUTION.formatted("过期修改", PlatformTest.HECHENG, 60, 8,
                ",\"version\":0"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));

        mvc.perform(get("/api/v1/institutions").param("division", PlatformTest.HECHENG).param("operationModel", "PRIVATE")
                        .param("size", "200").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
    }

    @Test
    void refusesInvalidBedsWithChineseFieldErrors() throws Exception {
        send(post("/api/v1/institutions"), INSTITUTION.formatted("床位有误", PlatformTest.HECHENG, 10, 11, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("beds[0].cognitive"))
                .andExpect(jsonPath("$.errors[0].code").value("ABOVE_APPROVED"))
                .andExpect(jsonPath("$.errors[0].message").value("认知障碍床位数不能超过核定床位数。"));
        send(post("/api/v1/institutions"), INSTITUTION.formatted("床位有误", PlatformTest.HECHENG, -1, 0, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("MIN"));
        send(post("/api/v1/institutions"), """
                {"name":"","divisionCode":"999","operationModel":"STATE","kind":"CARE_HOME","premises":"LEASED",
                 "starRating":6}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("divisionCode")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("operationModel")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("starRating")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("leaseEndsOn")));
    }

    @Test
    void keepsInstitutionsWithinTheCallersScope() throws Exception {
        long ounan = id(send(post("/api/v1/institutions"), INSTITUTION.formatted("瓯南测试院", PlatformTest.OUNAN, 10, 0, ""))
                .andExpect(status().isCreated()));
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/institutions/" + ounan).with(httpBasic(township, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/institutions").param("division", PlatformTest.OUNAN)
                        .with(httpBasic(township, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
        // township staff read facilities but do not manage them
        send(post("/api/v1/institutions"), INSTITUTION.formatted("无权创建", PlatformTest.HECHENG, 10, 0, ""), township,
                Accounts.PASSWORD)
                .andExpect(status().isForbidden());
        // bureau staff (county-wide) manage them
        String bureau = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        send(post("/api/v1/institutions"), INSTITUTION.formatted("部门创建", PlatformTest.OUNAN, 10, 0, ""), bureau,
                Accounts.PASSWORD)
                .andExpect(status().isCreated());
    }

    private static final String PROVIDER = """
            {"name":"%s","divisionCode":"331121001","kind":"STANDALONE","filed":%s,"filedOn":"2025-03-01",
             "approvedSlots":%d,"affordable":true,"premises":"%s","leaseEndsOn":%s,
             "classes":[{"type":"INFANT","capacity":10},{"type":"MIXED","capacity":%d}]%s}
            """;

    @Test
    void filingNeedsOwnedPremisesOrALeaseOfThreeYears() throws Exception {
        send(post("/api/v1/childcare-providers"), PROVIDER.formatted("短租托育园", true, 40, "LEASED", "\"2028-02-28\"", 18, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leaseEndsOn"))
                .andExpect(jsonPath("$.errors[0].code").value("LEASE_TOO_SHORT"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("备案要求场地自有，或租赁期自备案之日起不少于3年（租赁到期日应不早于 2028-03-01）。"));
        send(post("/api/v1/childcare-providers"), PROVIDER.formatted("租满三年托育园", true, 40, "LEASED", "\"2028-03-01\"", 18, ""))
                .andExpect(status().isCreated());
        send(post("/api/v1/childcare-providers"), PROVIDER.formatted("自有托育园", true, 40, "OWNED", "null", 18, ""))
                .andExpect(status().isCreated());
        // not filed: a short lease is allowed, but it cannot become filed later
        long id = id(send(post("/api/v1/childcare-providers"),
                PROVIDER.formatted("未备案托育点", false, 40, "LEASED", "\"2026-12-31\"", 18, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.filed").value(false))
                .andExpect(jsonPath("$.classes.length()").value(2)));
        send(put("/api/v1/childcare-providers/" + id),
                PROVIDER.formatted("未备案托育点", true, 40, "LEASED", "\"2026-12-31\"", 18, ",\"version\":0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("LEASE_TOO_SHORT"));
    }

    @Test
    void classesStayWithinTheirTypeLimitAndTheApprovedSlots() throws Exception {
        send(post("/api/v1/childcare-providers"), PROVIDER.formatted("班额超标", false, 40, "OWNED", "null", 19, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("classes[1].capacity"))
                .andExpect(jsonPath("$.errors[0].message").value("班额应为1至18人（国家托育机构设置标准）。"));
        send(post("/api/v1/childcare-providers"), PROVIDER.formatted("托位不足", false, 20, "OWNED", "null", 18, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("classes"))
                .andExpect(jsonPath("$.errors[0].code").value("ABOVE_APPROVED_SLOTS"));
        long id = id(send(post("/api/v1/childcare-providers"), PROVIDER.formatted("班级调整", false, 40, "OWNED", "null", 18, ""))
                .andExpect(status().isCreated()));
        String body = mvc.perform(get("/api/v1/childcare-providers/" + id)
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long infantClass = json.readTree(body).get("classes").get(0).get("id").asLong();
        send(put("/api/v1/childcare-providers/" + id), """
                {"name":"班级调整","divisionCode":"331121001","kind":"STANDALONE","filed":false,"approvedSlots":40,
                 "premises":"OWNED","classes":[{"id":%d,"type":"INFANT","capacity":8},{"type":"TODDLER","capacity":15}],
                 "version":0}
                """.formatted(infantClass))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classes[0].id").value((int) infantClass))
                .andExpect(jsonPath("$.classes[0].capacity").value(8))
                .andExpect(jsonPath("$.classes[1].type").value("TODDLER"))
                .andExpect(jsonPath("$.classes.length()").value(2));
    }

    @Test
    void registersCareCentresWithTheirServices() throws Exception {
        long id = id(send(post("/api/v1/care-centres"), """
                {"name":"测试照料中心","divisionCode":"331121001","kind":"VILLAGE_CARE_CENTRE",
                 "services":["MEALS","BATHING"],"openingHours":"8:00-17:00"}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.services.length()").value(2)));
        mvc.perform(get("/api/v1/care-centres").param("division", "331121001").param("service", "BATHING")
                        .param("kind", "VILLAGE_CARE_CENTRE").param("size", "200")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
        send(post("/api/v1/care-centres"), """
                {"name":"测试","divisionCode":"331121001","kind":"SPA","services":["MASSAGE"]}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("services")));
    }

    @Test
    void expiredCertificatesDoNotCount() throws Exception {
        long home = id(send(post("/api/v1/institutions"), INSTITUTION.formatted("证书测试院", "331121003", 10, 0, ""))
                .andExpect(status().isCreated()));
        String staff = """
                {"name":"%s","role":"ELDERLY_CARER","institutionId":%d,"talentTitles":["GREEN_VALLEY_TALENT"],
                 "certificates":[{"type":"养老护理员职业技能等级证书","number":"%s","level":"四级","validUntil":"%s"}]}
                """;
        send(post("/api/v1/staff"), staff.formatted("有效护理员", home, "A-1", "2099-01-01"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.certified").value(true));
        send(post("/api/v1/staff"), staff.formatted("过期护理员", home, "A-2", "2020-01-01"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.certified").value(false));
        mvc.perform(get("/api/v1/staff").param("institutionId", Long.toString(home))
                        .param("certifiedOn", "2025-06-01")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].name").value("有效护理员"));
        mvc.perform(get("/api/v1/staff").param("institutionId", Long.toString(home))
                        .param("certifiedOn", "2019-06-01")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(2));
        send(post("/api/v1/staff"), """
                {"name":"","role":"PILOT","certificates":[{"type":"","number":"x"}]}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("role")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("institutionId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("certificates[0].validUntil")));
    }

    @Test
    void staffOutsideTheCallersScopeDoNotExistForThem() throws Exception {
        long home = id(send(post("/api/v1/institutions"), INSTITUTION.formatted("温溪测试院", PlatformTest.OUNAN, 10, 0, ""))
                .andExpect(status().isCreated()));
        long member = id(send(post("/api/v1/staff"), """
                {"name":"温溪护理员","role":"ELDERLY_CARER","institutionId":%d,
                 "certificates":[{"type":"养老护理员证","number":"W-1","validUntil":"2099-01-01"}]}
                """.formatted(home)).andExpect(status().isCreated()));
        String township = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/staff/" + member).with(httpBasic(township, Accounts.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/staff").param("institutionId", Long.toString(home))
                        .with(httpBasic(township, Accounts.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/staff/" + member).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.certified").value(true));
    }
}
