package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.TestIdNumbers;
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
 * The 养老管家 loop in the browser: a township centre puts money on an elder's love card, takes a phone call and
 * dispatches the order to a butler; the butler, on a phone, accepts, checks in and checks out, which pays the service
 * from the card (what the card cannot cover is the elder's own share); the centre records the elder's evaluation.
 * Screenshots go to target/screenshots.
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
        String name = "旅程老人" + System.nanoTime() % 10000;
        // 85 years old in 鹤城街道, a love-card pilot: the card may be topped up
        PlacementFixtures people = new PlacementFixtures(mvc, json);
        long elder = people.id(people.send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,"livingSituation":[]}
                """.formatted(TestIdNumbers.next(LocalDate.now().minusYears(85)), name, VILLAGE)));
        String butler = fixtures.butler(PlatformTest.HECHENG, VILLAGE, "[\"CLEANING\"]");
        String staff = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);

        // the centre's desk: find the elder, take the order, dispatch it to the butler
        Page desk = logIn(staff, Accounts.PASSWORD, 1366, 900);
        desk.navigate(url("/love-cards/" + elder));
        desk.locator("#source").selectOption("GOVERNMENT");
        desk.locator("#amount").fill("50");
        desk.locator("#reference").fill("青民〔2026〕爱心卡拨款");
        desk.locator("#top-up").click();
        // money moves only after the preview is confirmed
        assertThat(desk.locator("#preview-after")).hasText("50.00");
        desk.locator("#confirm-top-up").click();
        assertThat(desk.locator("#balance-total")).hasText("50.00");
        Chromium.screenshot(desk, "services-00-love-card-topped-up");
        desk.navigate(url("/services/intake"));
        PeoplePickers.choose(desk, "#person-pick", name, name);
        assertThat(desk.locator("#intake-form input[name=personId]")).hasValue(Long.toString(elder));
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
        assertThat(desk.locator("#assignee")).hasText("测试用户");
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

        // the service (2 hours × 35.00) was paid from the love card as far as it went: 50 from the government purse
        desk.navigate(url("/love-cards/" + elder));
        assertThat(desk.locator("#balance-total")).hasText("0.00");
        assertThat(desk.locator("#statement-lines")).containsText("服务扣款");
        assertThat(desk.locator("#statement-lines")).containsText("-50.00");
        Chromium.screenshot(desk, "services-04b-love-card-paid");

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
