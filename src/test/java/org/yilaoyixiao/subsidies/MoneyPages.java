package org.yilaoyixiao.subsidies;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Pages of the money modules (subsidies, policy, funds, outreach, exchange) as their users see them: accounts with a
 * Chinese display name, a role, a scope and a bureau, logged in through the login form; a page's HTML, its inbox
 * count, and its words checked for Latin (in Chinese) or Chinese (in English).
 */
public final class MoneyPages {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** As the crawler reads words: two or more Latin letters not part of a code. */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@-])");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");

    private final MockMvc mvc;

    public MoneyPages(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A new account with its own password set, named 王/李… in Chinese; returns the username. */
    public String account(String role, String divisionCode, String bureau, String displayName) throws Exception {
        String username = "money-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 1_000_000_000L
                + "-" + SEQUENCE.incrementAndGet();
        int created = mvc.perform(post("/api/v1/users").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","password":"%s","displayName":"%s","roles":["%s"],"divisionCode":"%s",
                         "bureau":%s}
                        """.formatted(username, Accounts.INITIAL_PASSWORD, displayName, role, divisionCode,
                        bureau == null ? "null" : "\"" + bureau + "\""))).andReturn().getResponse().getStatus();
        if (created != 201) {
            throw new AssertionError("account not created: " + created);
        }
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username, Accounts.INITIAL_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                        .formatted(Accounts.INITIAL_PASSWORD, Accounts.PASSWORD)));
        return username;
    }

    /** A county bureau clerk of 民政局. */
    public String civilAffairsClerk(String displayName) throws Exception {
        return account("BUREAU_STAFF", PlatformTest.COUNTY, "CIVIL_AFFAIRS", displayName);
    }

    public MockHttpSession login(String username) throws Exception {
        String password = PlatformTest.ADMIN.equals(username) ? PlatformTest.ADMIN_PASSWORD : Accounts.PASSWORD;
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andReturn().getRequest().getSession(false);
    }

    public MockHttpServletResponse get(MockHttpSession session, String path, String language) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .session(session).header("Accept-Language", language)).andReturn().getResponse();
    }

    public MockHttpServletResponse send(MockHttpSession session, MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.session(session).with(csrf()).header("Accept-Language", "zh-CN")).andReturn()
                .getResponse();
    }

    /** What a form's redirect carries to the next page (a problem in the clerk's words, a confirmation). */
    public org.springframework.web.servlet.FlashMap flash(MockHttpSession session,
                                                          MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session).with(csrf()).header("Accept-Language", "zh-CN")).andReturn()
                .getFlashMap();
    }

    /** The page in Chinese; it must answer 200. */
    public Document page(MockHttpSession session, String path) throws Exception {
        return page(session, path, "zh-CN");
    }

    public Document page(MockHttpSession session, String path, String language) throws Exception {
        MockHttpServletResponse response = get(session, path, language);
        if (response.getStatus() != 200) {
            throw new AssertionError(path + " answered " + response.getStatus() + ": "
                    + response.getContentAsString(StandardCharsets.UTF_8));
        }
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The count of an inbox item on the user's landing page, 0 when the item is not shown. */
    public long inbox(MockHttpSession session, String labelKey) throws Exception {
        Element item = page(session, "/").selectFirst("[data-item=" + labelKey + "] .inbox-count");
        return item == null ? 0 : Long.parseLong(item.text().replace(",", ""));
    }

    /** The link of an inbox item, or null. */
    public String inboxLink(MockHttpSession session, String labelKey) throws Exception {
        Element item = page(session, "/").selectFirst("[data-item=" + labelKey + "] a");
        return item == null ? null : item.attr("href");
    }

    /** Latin words in an element's text (codes marked translate="no" or in code elements are not read). */
    public static Set<String> latinWords(Element element) {
        Element copy = element.clone();
        copy.select("[translate=no], code, script, style").remove();
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = LATIN_WORD.matcher(copy.text());
        while (matcher.find()) {
            if (!Set.of("Excel", "PDF", "CSV", "xlsx", "SOS", "GPS", "kWh", "GB", "MZ", "App", "SMS")
                    .contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    public static boolean hasChinese(String text) {
        return CJK.matcher(text).find();
    }
}
