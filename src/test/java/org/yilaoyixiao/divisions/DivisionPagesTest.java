package org.yilaoyixiao.divisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The division page: the list paged with a total and filtered by name, level and the division it lies in, levels and
 * parents in words, codes marked as codes; the CSV format explained in Chinese with its column names as codes; the
 * retirement form picks the division by name.
 */
@PlatformTest
class DivisionPagesTest {

    /** Latin words as the role crawler reads them (a word inside a code such as "UTF-8" is part of the code). */
    private static final Pattern LATIN =
            Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@-])");

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(URI.create(path)).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> latinWords(Element element) {
        Element copy = element.clone();
        copy.select("[translate=no], code, script, style, .visually-hidden").remove();
        List<String> words = new ArrayList<>();
        Matcher latin = LATIN.matcher(copy.text());
        while (latin.find()) {
            if (!latin.group().equals("CSV") && !latin.group().equals("Excel")) {
                words.add(latin.group());
            }
        }
        return words;
    }

    @Test
    void theListIsPagedWithLevelsAndParentsInWordsAndTheFormatExplained() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document first = page(admin, "/divisions");
        assertThat(latinWords(first.body())).isEmpty();
        assertThat(first.select("#division-list tbody tr")).hasSize(50);
        assertThat(first.selectFirst(".pager-summary").text()).matches("共 \\d+ 条，第 1 / \\d+ 页");
        Element county = first.selectFirst("#division-list tbody tr");
        assertThat(county.attr("data-code")).isEqualTo(PlatformTest.COUNTY);
        assertThat(county.select("td").get(2).text()).isEqualTo("县（市、区）");
        assertThat(county.select("td").get(1).select("[translate=no]").text()).isEqualTo(PlatformTest.COUNTY);
        // the CSV columns are codes, each explained; the levels are codes with their words
        assertThat(first.select("#division-format code").eachText())
                .containsExactly("code", "name", "parentCode", "level", "validFrom");
        assertThat(first.select("#division-levels li").eachText())
                .containsExactly("COUNTY 县（市、区）", "TOWNSHIP 乡镇（街道）", "VILLAGE 村（社区）");
        // the retirement form picks the division by name
        assertThat(first.select("form[action$=/divisions/retirement] [data-picker] input[type=hidden][name=code]"))
                .hasSize(1);
        assertThat(first.select("form[action$=/divisions/retirement] select")).isEmpty();

        Document townships = page(admin, "/divisions?level=TOWNSHIP");
        assertThat(townships.select("#division-list tbody tr")).hasSizeGreaterThan(20)
                .allSatisfy(row -> assertThat(row.select("td").get(2).text()).isEqualTo("乡镇（街道）"))
                .allSatisfy(row -> assertThat(row.select("td").get(3).text()).isEqualTo("青田县"));

        Document hecheng = page(admin, "/divisions?level=VILLAGE&within=" + PlatformTest.HECHENG);
        assertThat(hecheng.select("#division-list tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.select("td").get(3).text()).isEqualTo("鹤城街道"));
        assertThat(hecheng.select("#division-filter [data-picker] input[type=search]").val()).isEqualTo("鹤城街道");

        Document byName = page(admin, "/divisions?q=鹤城");
        assertThat(byName.select("#division-list tbody tr").eachAttr("data-code")).contains(PlatformTest.HECHENG);
    }

    @Test
    void aTownshipClerkSeesTheirTownshipOnlyAndBadFiltersAre400() throws Exception {
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN), Accounts.PASSWORD);
        Document page = page(clerk, "/divisions");
        assertThat(page.select("#division-list tbody tr").eachAttr("data-code"))
                .allSatisfy(code -> assertThat(code).startsWith(PlatformTest.OUNAN));
        assertThat(page.select("#division-format")).isEmpty();
        for (String path : List.of("/divisions?level=CITY", "/divisions?within=" + PlatformTest.HECHENG,
                "/divisions?page=-1", "/divisions?page=x")) {
            mvc.perform(get(path).session(clerk)).andExpect(status().isBadRequest());
        }
    }

    @Test
    void retiringWithoutChoosingADivisionIsExplained() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        String html = mvc.perform(post("/divisions/retirement").session(admin).with(csrf())
                        .param("code", "").param("effectiveDate", "2030-01-01").param("reason", "撤村并居"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).text()).contains("请从列表中选择要撤销的区划");
    }
}
