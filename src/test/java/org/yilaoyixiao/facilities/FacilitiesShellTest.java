package org.yilaoyixiao.facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.ShellPages;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The facilities pages (issue 18): certificates expiring within 30 days in the inbox of the township that keeps the
 * register, gone once renewed; forms that take the division and the employer by picker; lists with the shell's pager;
 * facilities, staff and certificates outside the scope not found on every route.
 */
@PlatformTest
class FacilitiesShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @Test
    void certificatesExpiringSoonAreInTheTownshipsInboxUntilRenewed() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession clerk = pages.logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG),
                Accounts.PASSWORD);
        String operatorName = Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.HECHENG);
        MockHttpSession operator = pages.logIn(operatorName, Accounts.PASSWORD);
        long before = pages.inboxCount(clerk, "facilities.inbox.expiring");
        LocalDate soon = BusinessTime.today(clock).plusDays(10);

        long elsewhere = staff(fixtures, "瓯南证书护理员", ounanInstitution(fixtures, "瓯南证书颐养院"), soon);
        assertThat(pages.inboxCount(clerk, "facilities.inbox.expiring")).isEqualTo(before);

        long home = fixtures.institution("证书颐养院", 5, 0);
        long member = staff(fixtures, "证书护理员", home, soon);
        assertThat(pages.inboxCount(clerk, "facilities.inbox.expiring")).isEqualTo(before + 1);
        // an operator sees their own institution's certificates only (decision 0040): none before being assigned
        assertThat(pages.inboxCount(operator, "facilities.inbox.expiring")).isZero();
        mvc.perform(post("/facilities/institutions/" + home + "/operators").session(
                        pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).with(csrf())
                        .param("username", operatorName)).andExpect(status().is3xxRedirection());
        // now the operator lands on their institution, which points at its one expiring certificate
        assertThat(mvc.perform(get("/").session(operator)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/facilities/institutions/" + home);
        assertThat(pages.page(operator, "/facilities/institutions/" + home).select("#expiring-staff").text())
                .contains("1");
        assertThat(pages.page(operator, "/facilities/staff?expiring=true").select(".staff-table").text())
                .contains("证书护理员").doesNotContain("瓯南证书护理员");
        Document list = pages.page(clerk, "/facilities/staff?expiring=true&institutionId=" + home);
        assertThat(list.select(".staff-table").text()).contains("证书护理员", "证书颐养院");

        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        long certificate = fixtures.body(fixtures.get("/api/v1/staff/" + member)).get("certificates").get(0)
                .get("id").asLong();
        String renewal = "/facilities/staff/" + member + "/certificates/" + certificate + "/renew";
        assertThat(pages.page(admin, renewal).select("#renewal-staff").text()).isEqualTo("证书护理员");
        String refused = mvc.perform(post(renewal).session(admin).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("number", "").param("validUntil", "2020-01-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("#refusal").text()).contains("请填写证书编号", "新的有效期应在今天之后");
        mvc.perform(post(renewal).session(admin).with(csrf()).param("number", "续-2031")
                        .param("validUntil", soon.plusYears(5).toString()))
                .andExpect(redirectedUrl("/facilities/staff?expiring=true"));
        assertThat(pages.inboxCount(clerk, "facilities.inbox.expiring")).isEqualTo(before);
        // the other township renews too (the demo's own count of expiring certificates stays what it was)
        long other = fixtures.body(fixtures.get("/api/v1/staff/" + elsewhere)).get("certificates").get(0)
                .get("id").asLong();
        mvc.perform(post("/facilities/staff/" + elsewhere + "/certificates/" + other + "/renew").session(admin)
                        .with(csrf()).param("number", "续-2032").param("validUntil", soon.plusYears(5).toString()))
                .andExpect(redirectedUrl("/facilities/staff?expiring=true"));
    }

    @Test
    void formsTakeTheDivisionAndTheEmployerByPickerAndListsPageWithTheShellsPager() throws Exception {
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        for (String path : List.of("/facilities/institutions/new", "/facilities/providers/new",
                "/facilities/care-centres/new")) {
            Document form = pages.page(admin, path);
            assertThat(form.select("select[name=divisionCode]")).as(path).isEmpty();
            assertThat(form.select("input[type=hidden][name=divisionCode]")).as(path).hasSize(1);
            assertThat(form.select("#division-picker")).as(path).hasSize(1);
        }
        Document staffForm = pages.page(admin, "/facilities/staff/new");
        assertThat(staffForm.select("input[type=hidden][name=institutionId]")).hasSize(1);
        assertThat(staffForm.select("input[type=hidden][name=providerId]")).hasSize(1);
        String missing = mvc.perform(post("/facilities/institutions").session(admin).with(csrf())
                        .header("Accept-Language", "zh-CN").param("name", "无区划颐养院").param("premises", "OWNED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("请选择有效的所在区划");
        for (String path : List.of("/facilities/institutions", "/facilities/care-centres", "/facilities/providers",
                "/facilities/staff")) {
            Document list = pages.page(admin, path);
            assertThat(list.select(".pager")).as(path).hasSize(1);
            assertThat(list.select("tbody tr").size()).as(path).isLessThanOrEqualTo(ShellPages.MAX_ROWS);
            assertThat(list.select("select[name=division]")).as(path).isEmpty();
        }
    }

    @Test
    void facilitiesStaffAndCertificatesOutsideTheScopeAreNotFound() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long other = ounanInstitution(fixtures, "瓯南范围外颐养院");
        long provider = fixtures.id(fixtures.send(post("/api/v1/childcare-providers"), """
                {"name":"瓯南范围外托育园","divisionCode":"%s","kind":"STANDALONE","filed":false,"approvedSlots":10,
                 "affordable":true,"premises":"OWNED","classes":[{"type":"TODDLER","capacity":5}]}
                """.formatted(PlatformTest.OUNAN)));
        long member = staff(fixtures, "瓯南范围外护理员", other, BusinessTime.today(clock).plusDays(200));
        long certificate = fixtures.body(fixtures.get("/api/v1/staff/" + member)).get("certificates").get(0)
                .get("id").asLong();
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        for (String path : List.of("/facilities/institutions/" + other, "/facilities/providers/" + provider,
                "/facilities/institutions/999999999", "/facilities/providers/999999999")) {
            ShellPages.notFound(session, path, "瓯南范围外颐养院", "瓯南范围外托育园", "瓯南范围外护理员");
        }
        // changing a register is county work: a township clerk is refused; a missing record is not found
        assertThat(session.get("/facilities/institutions/" + other + "/edit").statusCode()).isEqualTo(403);
        BrowserlessSession admin = new BrowserlessSession(port);
        admin.login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        for (String path : List.of("/facilities/institutions/999999999/edit", "/facilities/providers/999999999/edit",
                "/facilities/staff/999999999/certificates/1/renew",
                "/facilities/staff/" + member + "/certificates/999999999/renew")) {
            ShellPages.notFound(admin, path, "瓯南范围外护理员");
        }
        assertThat(certificate).isPositive();
    }

    private long staff(PlacementFixtures fixtures, String name, long institution, LocalDate validUntil)
            throws Exception {
        return fixtures.id(fixtures.send(post("/api/v1/staff"), """
                {"name":"%s","role":"ELDERLY_CARER","institutionId":%d,
                 "certificates":[{"type":"养老护理员职业技能等级证书","number":"Z-%d","level":"五级","validUntil":"%s"}]}
                """.formatted(name, institution, System.nanoTime() % 100000, validUntil)));
    }

    private long ounanInstitution(PlacementFixtures fixtures, String name) throws Exception {
        return fixtures.id(fixtures.send(post("/api/v1/institutions"), """
                {"name":"%s","divisionCode":"%s","operationModel":"PRIVATE","profitType":"NON_PROFIT",
                 "kind":"CARE_HOME","premises":"OWNED","openedOn":"2020-01-01","medicalPartnership":false,
                 "smartCareHome":false,"beds":[{"type":"NURSING","approved":3,"cognitive":0}]}
                """.formatted(name, PlatformTest.OUNAN)));
    }
}
