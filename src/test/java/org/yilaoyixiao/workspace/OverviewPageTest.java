package org.yilaoyixiao.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * 数据概览: one level of the scope at a time (the county's townships; a township's villages by following its name),
 * a breadcrumb back up within one's scope, a chart of one chosen count; divisions outside one's scope are not found.
 */
@PlatformTest
class OverviewPageTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void theCountyShowsItsTownshipsAndATownshipItsVillages() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document county = page(admin, "/home");
        assertThat(county.selectFirst("h1").text()).isEqualTo("数据概览");
        assertThat(county.select("#division-tree tbody tr[data-level=TOWNSHIP]")).hasSize(32);
        assertThat(county.select("#division-tree tbody tr[data-level=VILLAGE]")).isEmpty();
        assertThat(county.select("#division-tree tbody tr")).hasSizeLessThanOrEqualTo(200);
        String hecheng = county.selectFirst("#division-tree tr[data-code=" + PlatformTest.HECHENG + "] a")
                .attr("href");
        assertThat(hecheng).isEqualTo("/home?division=" + PlatformTest.HECHENG);
        // one count in the chart, chosen from a list
        assertThat(county.selectFirst("#scope-chart").attr("data-chart")).contains("老年人数")
                .doesNotContain("婴幼儿数");
        Document infants = page(admin, "/home?measure=2");
        assertThat(infants.selectFirst("#scope-chart").attr("data-chart")).contains("婴幼儿数");

        Document township = page(admin, hecheng);
        assertThat(township.select("#division-tree tbody tr[data-level=VILLAGE]")).isNotEmpty();
        assertThat(township.select("#scope-path a").eachText()).containsExactly("青田县");
        assertThat(township.select("#scope-path li").last().text()).isEqualTo("鹤城街道");
    }

    @Test
    void aTownshipClerkStaysInTheirTownship() throws Exception {
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG), Accounts.PASSWORD);
        Document own = page(clerk, "/home");
        assertThat(own.select("#division-tree tbody tr").eachAttr("data-code"))
                .allSatisfy(code -> assertThat(code).startsWith(PlatformTest.HECHENG));
        // above one's scope the path is not a link
        assertThat(own.select("#scope-path a")).isEmpty();
        mvc.perform(get("/home").param("division", PlatformTest.OUNAN).session(clerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/home").param("division", "999999999").session(clerk)).andExpect(status().isNotFound());
        mvc.perform(get("/home").param("measure", "99").session(clerk)).andExpect(status().isBadRequest());
        mvc.perform(get("/home").param("measure", "many").session(clerk)).andExpect(status().isBadRequest());
    }
}
