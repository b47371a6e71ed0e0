package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.services.ServicesFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * Issue 19: a township clerk adds a butler to a butler team by name and dispatches an order; the order appears on that
 * butler's phone (390×844) with the elder's name, village, address and numbers to tap, and a message under 消息 —
 * nothing scrolls sideways. Screenshots go to target/screenshots.
 */
@PlatformTest
class ButlerTeamJourneyBrowserTest extends BrowserJourney {

    static final String TOWNSHIP = "331121004";
    static final String VILLAGE = "331121004901";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    /** A BUTLER account with a name of its own, so the clerk can find it by name. */
    private String butler(String displayName) throws Exception {
        String username = Accounts.unique("butler");
        mvc.perform(post("/api/v1/users").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","password":"%s","displayName":"%s","roles":["BUTLER"],"divisionCode":"%s"}
                        """.formatted(username, Accounts.INITIAL_PASSWORD, displayName, TOWNSHIP)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username, Accounts.INITIAL_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                        .formatted(Accounts.INITIAL_PASSWORD, Accounts.PASSWORD)))
                .andExpect(status().isNoContent());
        return username;
    }

    /** An elder with a telephone, a household address and a daughter with a telephone. */
    private long reachableElder(ServicesFixtures fx, String name) throws Exception {
        long id = fx.body(fx.admin(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","phone":"13800002468","residenceDivisionCode":"%s","localHukou":true,
                 "livingSituation":[]}""".formatted(TestIdNumbers.nextElder(), name, VILLAGE))
                .andExpect(status().isCreated())).get("id").asLong();
        fx.admin(post("/api/v1/households"), """
                {"divisionCode":"%s","address":"温溪镇富岙路 12 号","members":[{"personId":%d,"relation":"HEAD"}]}
                """.formatted(VILLAGE, id)).andExpect(status().isCreated());
        fx.admin(post("/api/v1/persons/" + id + "/contacts"), """
                {"name":"王孝女","relation":"DAUGHTER","phone":"13900001357","emergency":true}""")
                .andExpect(status().isCreated());
        return id;
    }

    private static void noSidewaysScroll(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(fits).as("nothing scrolls sideways on " + page.url())
                .isEqualTo(true);
    }

    @Test
    void aTownshipClerkAddsAButlerToATeamAndTheDispatchedOrderAppearsOnTheButlersPhone() throws Exception {
        ServicesFixtures fx = new ServicesFixtures(mvc, json);
        String suffix = Long.toString(System.nanoTime() % 10000);
        String butlerName = "旅程管家" + suffix;
        String butler = butler(butlerName);
        String elderName = "派单旅程老人" + suffix;
        long elder = reachableElder(fx, elderName);
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", TOWNSHIP);

        // the clerk: a new team of the township, then the butler found by name
        Page desk = logIn(clerk, Accounts.PASSWORD, 1366, 768);
        openFromNavigation(desk, "管家服务队");
        assertThat(desk.locator("h1")).hasText("管家服务队");
        String teamName = "富岙服务队" + suffix;
        desk.locator("#team-name").fill(teamName);
        desk.locator("#team-form button[type=submit]").click();
        assertThat(desk.locator("h1")).hasText(teamName);
        assertThat(desk.locator("#team-empty")).isVisible();
        htmxReady(desk);
        PeoplePickers.choose(desk, "#butler-pick", butlerName, butlerName);
        desk.locator("#skill-CLEANING").check();
        desk.locator("#skill-MEDICAL").check();
        desk.locator("#phone").fill("13700001111");
        Chromium.screenshot(desk, "butler-team-01-adding-member");
        desk.locator("#add-member").click();
        assertThat(desk.locator("#done")).isVisible();
        assertThat(desk.locator("#member-" + butler.replace(".", "\\."))).containsText(butlerName);
        assertThat(desk.locator("#member-" + butler.replace(".", "\\.") + " .caseload")).hasText("0 张");
        assertThat(desk.locator("#team-empty")).hasCount(0);
        noSidewaysScroll(desk);
        Chromium.screenshot(desk, "butler-team-02-member-added");

        // an order taken by phone, dispatched from its page to the butler
        long order = fx.newOrder(elder, fx.item("CLEAN-HOME"));
        desk.navigate(url("/services/orders/" + order));
        assertThat(desk.locator("#order-status")).hasText("待派单");
        desk.locator("form:has(input[name=butler][value='" + butler + "']) button").click();
        assertThat(desk.locator("#order-status")).hasText("已派单");
        assertThat(desk.locator("#assignee")).hasText(butlerName);
        Chromium.screenshot(desk, "butler-team-03-dispatched");

        // the butler's phone: the task on the landing page, with the numbers to tap
        Page phone = logIn(butler, Accounts.PASSWORD, 390, 844);
        phone.navigate(url("/"));
        assertThat(phone.locator("body")).containsText(elderName);
        assertThat(phone.locator("body")).containsText("温溪镇富岙路 12 号");
        assertThat(phone.locator("a[href='tel:13800002468']").first()).isVisible();
        assertThat(phone.locator("a[href='tel:13900001357']").first()).isVisible();
        noSidewaysScroll(phone);
        Chromium.screenshot(phone, "butler-team-04-phone-inbox");

        phone.navigate(url("/notifications"));
        assertThat(phone.locator("#messages")).containsText("新工单：居家保洁");
        assertThat(phone.locator("#messages")).containsText(elderName);
        noSidewaysScroll(phone);
        Chromium.screenshot(phone, "butler-team-05-phone-message");
        phone.locator("#messages a").first().click();

        phone.waitForURL("**/services/tasks**");
        htmxReady(phone);
        var card = phone.locator("#task-" + order);
        assertThat(card).containsText(elderName);
        assertThat(card.locator(".task-address")).hasText("温溪镇富岙路 12 号");
        assertThat(card.locator("a.call-elder")).hasAttribute("href", "tel:13800002468");
        assertThat(card.locator("a.call-family")).hasAttribute("href", "tel:13900001357");
        noSidewaysScroll(phone);
        Chromium.screenshot(phone, "butler-team-06-phone-tasks");

        card.locator(".task-open").click();
        assertThat(phone.locator("#order-status")).hasText("已派单");
        assertThat(phone.locator("#order-address")).hasText("温溪镇富岙路 12 号");
        assertThat(phone.locator("#order-calls a.call-elder")).hasAttribute("href", "tel:13800002468");
        noSidewaysScroll(phone);
        Chromium.screenshot(phone, "butler-team-07-phone-order");

        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from notifications.message"
                        + " where reference = :r and channel = 'SMS' and recipient = '13700001111'")
                .param("r", "service-order:" + order).query(Long.class).single()).isEqualTo(1);
    }
}
