package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.BrowserlessSession;

/**
 * Pages of the registry, assessment, placement and facilities modules as their users see them (issue 18): a logged-in
 * MockMvc session, a page parsed in Chinese, the count of one inbox item, and the 404 a record outside one's scope
 * answers with.
 */
public final class ShellPages {

    /** The most rows a list page may show (decision 0039). */
    public static final int MAX_ROWS = 200;

    private final MockMvc mvc;

    public ShellPages(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MockHttpSession logIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A page in Chinese; fails unless it answers 200. */
    public Document page(MockHttpSession session, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).session(session).header("Accept-Language", "zh-CN")).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** How many of an inbox item the user's landing page shows; 0 when the item is not shown. */
    public long inboxCount(MockHttpSession session, String labelKey) throws Exception {
        Element item = page(session, "/").selectFirst(".inbox-item[data-item='" + labelKey + "'] .inbox-count");
        return item == null ? 0 : Long.parseLong(item.text().strip());
    }

    /** A record missing or outside the user's scope: the 404 page, naming nobody. */
    public static void notFound(BrowserlessSession session, String path, String... names) throws Exception {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).contains("未找到或无权查看");
        for (String name : names) {
            assertThat(response.body()).as(path).doesNotContain(name);
        }
    }
}
