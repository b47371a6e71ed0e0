package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.services.OrderEventsProbe;
import org.yilaoyixiao.services.ServicesFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The 养老管家 loop in the browser: a township centre takes a phone call and dispatches the order to a butler; the
 * butler, on a phone, accepts, checks in and checks out; the centre records the elder's evaluation. Screenshots go to
 * target/screenshots.
 */
@PlatformTest
class ServiceOrderJourneyBrowserTest extends BrowserJourney {

    /** A village of 鹤城街道 no other services test uses, so the butler's team is the only one covering it. */
    static final String VILLAGE = "331121001906";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    OrderEventsProbe probe;

    @Test
    void fromIntakeToEvaluationWithTheButlerOnAPhone() throws Exception {
        ServicesFixtures fixtures = new ServicesFixtures(mvc, json);
        String name = "旅程老人" + UUID.randomUUID().toString().substring(0, 4);
        fixtures.elderIn(name, VILLAGE);
        String butler = fixtures.butler(PlatformTest.HECHENG, VILLAGE, "[\"CLEANING\"]");
        String staff = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);

        // the centre's desk: find the elder, take the order, dispatch it to the butler
        Page desk = logIn(staff, Accounts.PASSWORD, 1366, 900);
        desk.navigate(url("/services/intake"));
        htmxReady(desk);
        desk.locator("#person-query").fill(name);
        desk.locator("#find-person").click();
        desk.locator(".person-choice").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name))
                .click();
        assertThat(desk.locator("#chosen-person")).containsText(name);
        desk.locator("#itemId").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("居家保洁（35.00 元/小时）"));
        desk.locator("#channel").selectOption("PHONE");
        desk.locator("#quantity").fill("2");
        desk.locator("#note").fill("老人独居，需打扫厨房");
        Chromium.screenshot(desk, "services-01-intake");
        desk.locator("#place-order").click();
        assertThat(desk.locator("#order-status")).hasText("待派单");
        long order = Long.parseLong(desk.url().replaceAll(".*/services/orders/(\\d+).*", "$1"));
        desk.locator("form:has(input[name=butler][value='" + butler + "']) button").click();
        assertThat(desk.locator("#order-status")).hasText("已派单");
        assertThat(desk.locator("#assignee")).hasText(butler);
        Chromium.screenshot(desk, "services-02-dispatched");

        // the butler's phone
        Page phone = logIn(butler, Accounts.PASSWORD, 390, 844);
        phone.navigate(url("/services/tasks"));
        htmxReady(phone);
        var card = phone.locator("#task-" + order);
        assertThat(card).containsText(name);
        card.locator(".accept-button").click();
        assertThat(card.locator(".task-status")).hasText("已接单");
        card.locator(".check-in-button").click();
        assertThat(card.locator(".task-status")).hasText("服务中");
        Chromium.screenshot(phone, "services-03-phone-in-service");
        card.locator(".check-out-button").click();
        assertThat(card.locator(".task-status")).hasText("已完成");
        assertThat(card.locator(".done-note")).isVisible();
        Chromium.screenshot(phone, "services-04-phone-done");
        org.assertj.core.api.Assertions.assertThat(probe.completed(order)).singleElement()
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.price()).isEqualByComparingTo("70.00"));

        // back at the desk: the elder's evaluation by phone
        desk.navigate(url("/services/orders/" + order));
        assertThat(desk.locator("#order-status")).hasText("已完成");
        desk.locator("#stars").selectOption("5");
        desk.locator("#by").selectOption("ELDER");
        desk.locator("#comment").fill("打扫得很干净");
        desk.locator("#evaluate-form button").click();
        assertThat(desk.locator("#order-status")).hasText("已评价");
        assertThat(desk.locator("#evaluation")).containsText("打扫得很干净");
        assertThat(desk.locator("#history tbody tr")).hasCount(6);
        Chromium.screenshot(desk, "services-05-evaluated");
    }
}
