package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 19, as a bureau clerk does it in the browser: creates a gateway and sees its key once, binds a watch to an
 * elder found by name, and the SOS that watch sends through the gateway (real HTTP with that key) appears on the
 * board; rotating the key stops the old one. Then an institution operator lands on their own institution and cannot
 * open another's.
 */
@PlatformTest
class GuardianSetupJourneyBrowserTest extends BrowserJourney {

    private static final String NAMES = "春夏秋冬梅兰竹菊松柏桃李杏桂荷";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String chinese(int length) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(NAMES.charAt(ThreadLocalRandom.current().nextInt(NAMES.length())));
        }
        return name.toString();
    }

    private int telemetry(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/guardian/telemetry")))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void aClerkSetsUpAGatewayAndAWatchAndItsSosReachesTheBoard() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String elderName = "卫" + chinese(3);
        fixtures.elder(elderName);
        String clerk = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);
        String gatewayName = "鹤城网关" + chinese(2);
        String watch = "W" + System.nanoTime() % 1_000_000_000L;

        Page page = logIn(clerk, Accounts.PASSWORD, 1366, 768);
        openFromNavigation(page, "网关密钥");
        page.locator("#gateway-name").fill(gatewayName);
        page.locator("#gateway-submit").click();
        assertThat(page.locator("#issued-key")).containsText(gatewayName);
        String key = page.locator("#api-key").textContent().strip();
        assertThat(key).startsWith("yly_");
        Chromium.screenshot(page, "guardian-setup-01-key-shown-once");
        page.reload();
        assertThat(page.locator("#api-key")).hasCount(0);
        assertThat(page.locator("#gateway-table")).containsText(gatewayName);
        assertThat(page.locator("#gateway-table")).not().containsText(key);

        openFromNavigation(page, "卫士设备");
        page.locator("#bind-device").click();
        page.locator("#bind-serial").fill(watch);
        page.locator("#bind-type").selectOption("GPS_WATCH");
        page.locator("#bind-submit").click();
        // no elder chosen: refused in words, nothing bound, what was typed kept
        assertThat(page.locator("#bind-problems")).containsText("请选择老人");
        assertThat(page.locator("#bind-serial")).hasValue(watch);
        assertThat(page.locator("#bind-type")).hasValue("GPS_WATCH");
        PeoplePickers.choose(page, "#bind-person", elderName, elderName);
        Chromium.screenshot(page, "guardian-setup-02-bind-watch");
        page.locator("#bind-submit").click();
        assertThat(page.locator("#device-bound")).containsText(watch);

        String sos = "[{\"deviceId\":\"%s\",\"type\":\"SOS\",\"at\":\"%s\",\"seq\":1}]".formatted(watch,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5));
        assertThat(telemetry(key, sos)).isEqualTo(202);
        openFromNavigation(page, "告警看板");
        Locator row = page.locator("#alert-table tr").filter(new Locator.FilterOptions().setHasText(elderName));
        assertThat(row).containsText("一键呼叫");
        Chromium.screenshot(page, "guardian-setup-03-sos-on-board");

        // rotating: the new key is shown once, the old one is refused from then on
        page.navigate(url("/guardian/gateways"));
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#gateway-table tr").filter(new Locator.FilterOptions().setHasText(gatewayName))
                .locator("button.rotate").click();
        assertThat(page.locator("#issued-key")).containsText("旧密钥已失效");
        String rotated = page.locator("#api-key").textContent().strip();
        assertThat(rotated).isNotEqualTo(key);
        assertThat(telemetry(key, sos.replace("\"seq\":1", "\"seq\":2"))).isEqualTo(401);
        assertThat(telemetry(rotated, sos.replace("\"seq\":1", "\"seq\":3"))).isEqualTo(202);

        page.onceDialog(dialog -> dialog.accept());
        page.locator("#gateway-table tr").filter(new Locator.FilterOptions().setHasText(gatewayName))
                .locator("button.revoke").click();
        assertThat(page.locator("#revoked")).containsText(gatewayName);
        assertThat(telemetry(rotated, sos.replace("\"seq\":1", "\"seq\":4"))).isEqualTo(401);
    }

    @Test
    void anOperatorLandsOnTheirInstitutionAndCannotOpenAnothers() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String own = "颐养" + chinese(3) + "院";
        String other = "康乐" + chinese(3) + "院";
        long ownId = fixtures.institution(own, 10, 10);
        long otherId = fixtures.institution(other, 10, 10);
        String operator = Accounts.create(mvc, "INSTITUTION_OPERATOR", PlatformTest.COUNTY);
        String clerk = Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY);

        // the clerk names the operator account on the institution's page, choosing it with the user picker
        Page desk = logIn(clerk, Accounts.PASSWORD, 1366, 768);
        desk.navigate(url("/facilities/institutions/" + ownId));
        PeoplePickers.chooseValue(desk, "#operator-picker", operator, operator);
        desk.locator("#operator-submit").click();
        assertThat(desk.locator("#institution-operators")).containsText("已指定经办账号");

        Page page = logIn(operator, Accounts.PASSWORD, 1366, 768);
        page.waitForURL("**/facilities/institutions/" + ownId);
        assertThat(page.locator("h1")).hasText(own);
        assertThat(page.locator("#bed-table")).isVisible();
        assertThat(page.locator("#add-staff")).isVisible();
        assertThat(page.locator("#institution-operators")).hasCount(0);
        Chromium.screenshot(page, "guardian-setup-04-operator-own-institution");

        page.navigate(url("/facilities/institutions"));
        assertThat(page.locator("body")).containsText(own);
        assertThat(page.locator("body")).not().containsText(other);
        com.microsoft.playwright.Response response = page.navigate(url("/facilities/institutions/" + otherId));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("body")).not().containsText(other);
        Chromium.screenshot(page, "guardian-setup-05-operator-other-institution-404");
    }
}
