package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * The registry's pages as a township clerk uses them (issue 18): 404 for a person outside the clerk's scope on every
 * route (page and htmx partial), the person list paged with the shell's pager, contacts abroad chosen by place, and
 * the inbox item for likely duplicates that goes up when one appears and down when it is resolved.
 */
@PlatformTest
class RegistryShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aPersonOutsideTheClerksScopeIsNotFoundOnEveryRouteAndNamedNowhere() throws Exception {
        Foreigner foreigner = foreigner();
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        for (long id : new long[] {foreigner.id(), 999_999_999L}) {
            for (String suffix : List.of("", "/basic", "/edit", "/relations", "/timeline")) {
                ShellPages.notFound(session, "/persons/" + id + suffix, foreigner.name());
            }
        }
        ShellPages.notFound(session, "/persons/import/999999999");
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession mock = pages.logIn(clerk, Accounts.PASSWORD);
        for (String path : List.of("/persons/" + foreigner.id() + "/reveal-id", "/persons/" + foreigner.id()
                + "/contacts", "/persons/" + foreigner.id() + "/guardians", "/persons/999999999/contacts")) {
            String body = mvc.perform(post(path).session(mock).with(csrf()).header("HX-Request", "true")
                            .header("Accept-Language", "zh-CN").param("name", "张三").param("relation", "SON")
                            .param("phone", "13900000000"))
                    .andExpect(status().isNotFound()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(path).doesNotContain(foreigner.name());
        }
    }

    @Test
    void thePersonListPagesWithThePagerThatKeepsItsFilters() throws Exception {
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document first = pages.page(admin, "/persons?category=ELDER&economicStatus=NONE");
        int rows = first.select("#person-table tbody tr").size();
        assertThat(rows).isGreaterThan(0).isLessThanOrEqualTo(ShellPages.MAX_ROWS);
        assertThat(first.select(".pager")).hasSize(1);
        String next = first.selectFirst(".pager-next").attr("href");
        assertThat(next).contains("category=ELDER", "economicStatus=NONE", "page=1");
        // the htmx partial the search form swaps in carries the same pager
        Document partial = org.jsoup.Jsoup.parse(mvc.perform(get("/persons?category=ELDER&page=1").session(admin)
                        .header("HX-Request", "true").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(partial.select("#person-table tbody tr").size()).isLessThanOrEqualTo(ShellPages.MAX_ROWS);
        assertThat(partial.select(".pager .page-item.active").text()).isEqualTo("2");
        // the division filter is the division picker, not a select of every village
        assertThat(first.select("#person-search select[name=division]")).isEmpty();
        assertThat(first.select("#person-search input[type=hidden][name=division]")).hasSize(1);
    }

    @Test
    void aContactAbroadIsChosenByCountryAndCityAndShownInChinese() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("海外联系老人");
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document relations = pages.page(admin, "/persons/" + elder + "/relations");
        assertThat(relations.select("#contact-place option").eachText()).contains("意大利（罗马）", "西班牙（马德里）");
        String body = mvc.perform(post("/persons/" + elder + "/contacts").session(admin).with(csrf())
                        .header("Accept-Language", "zh-CN").param("name", "叶海外").param("relation", "SON")
                        .param("phone", "+34 600 123456").param("place", "ES Europe/Madrid"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document after = org.jsoup.Jsoup.parse(body);
        assertThat(after.select("#contact-table").text()).contains("叶海外", "西班牙（马德里）", "当地时间")
                .doesNotContain("Europe");
        assertThat(jdbc.sql("select country_code || ' ' || time_zone from registry.family_contact where person_id = :p")
                .param("p", elder).query(String.class).single()).isEqualTo("ES Europe/Madrid");
    }

    @Test
    void theTimelineNamesActorsByDisplayNameAndSourcesInChinese() throws Exception {
        long elder = new PlacementFixtures(mvc, json).elder("时间线称呼");
        long demo = jdbc.sql("select id from registry.person where synthetic order by id limit 1")
                .query(Long.class).single();
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession admin = pages.logIn(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        String adminName = jdbc.sql("select display_name from identity.published_user where username = 'admin'")
                .query(String.class).single();
        Document own = pages.page(admin, "/persons/" + elder + "/timeline");
        assertThat(own.select("#timeline-events").text()).contains("建立档案（" + adminName + "）")
                .doesNotContain("admin").doesNotContain("person:");
        assertThat(own.select("#timeline-events .badge").text()).contains("人员档案");
        assertThat(pages.page(admin, "/persons/" + demo + "/timeline").select("#timeline-events").text())
                .contains("建立档案（系统生成的示例数据）").doesNotContain("system");
    }

    @Test
    void likelyDuplicatesAreInTheInboxOfTheirTownshipOnlyUntilResolved() throws Exception {
        ShellPages pages = new ShellPages(mvc);
        MockHttpSession clerk = pages.logIn(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG),
                Accounts.PASSWORD);
        long before = pages.inboxCount(clerk, "registry.inbox.duplicates");
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        LocalDate birth = LocalDate.of(1951, 7, 9);
        // the same name and birth date in another township is that township's work
        personIn("瓯南重名", birth, ounanVillage());
        personIn("瓯南重名", birth, ounanVillage());
        assertThat(pages.inboxCount(clerk, "registry.inbox.duplicates")).isEqualTo(before);

        fixtures.person("鹤城重名", TestIdNumbers.next(birth));
        long second = fixtures.person("鹤城重名", TestIdNumbers.next(birth));
        assertThat(pages.inboxCount(clerk, "registry.inbox.duplicates")).isEqualTo(before + 1);
        Document list = pages.page(clerk, "/persons/duplicates");
        assertThat(list.select("#duplicate-table").text()).contains("鹤城重名").doesNotContain("瓯南重名");
        assertThat(list.select("#duplicate-table a[href='/persons/" + second + "']")).hasSize(1);

        // the clerk finds the second record was a mistake and archives it
        JsonNode record = fixtures.body(fixtures.get("/api/v1/persons/" + second));
        fixtures.send(put("/api/v1/persons/" + second), """
                {"name":"鹤城重名","residenceDivisionCode":"%s","localHukou":true,"economicStatus":"NONE",
                 "livingSituation":[],"status":"ARCHIVED","version":%d}
                """.formatted(PlacementFixtures.VILLAGE, record.get("version").asInt()))
                .andExpect(status().isOk());
        assertThat(pages.inboxCount(clerk, "registry.inbox.duplicates")).isEqualTo(before);
    }

    private long personIn(String name, LocalDate birth, String village) throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        return fixtures.id(fixtures.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(birth), name, village)));
    }

    private record Foreigner(long id, String name) {
    }

    private Foreigner foreigner() throws Exception {
        long id = personIn("瓯南外人", LocalDate.of(1948, 2, 3), ounanVillage());
        return new Foreigner(id, "瓯南外人");
    }

    private String ounanVillage() {
        return jdbc.sql("select code from divisions.division where parent_code = :t and valid_to is null"
                        + " order by code limit 1")
                .param("t", PlatformTest.OUNAN).query(String.class).single();
    }
}
