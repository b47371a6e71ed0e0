package org.yilaoyixiao.field;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Logged-in web sessions and reading the inbox (我的待办 / 今日任务) of the field modules' tests. */
final class FieldSessions {

    private final MockMvc mvc;

    FieldSessions(MockMvc mvc) {
        this.mvc = mvc;
    }

    MockHttpSession logIn(String user, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", password)
                .with(csrf())).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    Document page(MockHttpSession session, String path, String language) throws Exception {
        String body = mvc.perform(get(path).session(session).header("Accept-Language", language)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(body);
    }

    Document inbox(MockHttpSession session) throws Exception {
        return page(session, "/", "zh-CN");
    }

    /** The count of one inbox item (by its label key), 0 when the item is not shown. */
    static long count(Document inbox, String labelKey) {
        Element item = inbox.selectFirst(".inbox-item[data-item=" + labelKey + "]");
        return item == null ? 0 : Long.parseLong(item.selectFirst(".inbox-count").text().strip());
    }

    static Element item(Document inbox, String labelKey) {
        return inbox.selectFirst(".inbox-item[data-item=" + labelKey + "]");
    }

    static long firstNumber(String text) {
        Matcher m = Pattern.compile("\\d+").matcher(text);
        return m.find() ? Long.parseLong(m.group()) : -1;
    }
}
