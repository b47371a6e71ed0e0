package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.YearMonth;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.visits.VisitFixtures;

/**
 * Work flows on from a visit (issue 19): a care butler on a 390×844 phone takes a photo of the empty kitchen with the
 * camera before submitting, finds that the elder needs meals (助餐), submits without a network — the visit and the
 * photo stay on the phone — and once the network is back the visit goes up once, the photo after it, and the visit's
 * page shows the meal order it raised; the township clerk finds that order on the services board. Screenshots go to
 * target/screenshots.
 */
@PlatformTest
class VisitOrderJourneyBrowserTest extends BrowserJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aMealNeedFoundOnAPhoneBecomesAnOrderOnTheServicesBoard() throws Exception {
        VisitFixtures fx = new VisitFixtures(mvc, json, divisions);
        String village = fx.freshVillage();
        String butler = Accounts.create(mvc, "BUTLER", VisitFixtures.TOWNSHIP);
        fx.send(put("/api/v1/visits/villages/" + village + "/visitor"), "{\"visitor\":\"" + butler + "\"}")
                .andExpect(status().isNoContent());
        long elder = fx.elder("助餐老人", village, "MINIMUM_LIVING", "LIVING_ALONE");
        fx.generate(YearMonth.from(BusinessTime.today(clock)));

        Page phone = logIn(butler, Accounts.PASSWORD, 390, 844);
        phone.navigate(url("/visits"));
        Chromium.screenshot(phone, "visit-order-00-my-tasks");
        startVisitOf(phone, "助餐老人");
        assertThat(phone.locator("#visit-person")).hasText("助餐老人");
        phone.locator("label[for=mode-HOME]").click();
        for (String area : new String[]{"HEALTH", "LIVING", "SAFETY", "MENTAL"}) {
            phone.locator("label[for=concern-" + area + "-no]").click();
        }
        phone.locator("label[for=concern-NEEDS-yes]").click();
        phone.locator("#note-NEEDS").fill("独居，灶台已坏，无法做饭");
        phone.locator("#raise-NEEDS").selectOption("SERVICE_NEED");
        phone.locator("#service-NEEDS").selectOption("MEALS");
        // the camera's picture, before submitting: made smaller on the phone and kept with the draft
        org.assertj.core.api.Assertions.assertThat(phone.locator("#photos").getAttribute("capture"))
                .isEqualTo("environment");
        phone.locator("#photos").setInputFiles(new FilePayload("kitchen.jpg", "image/jpeg", jpeg(2400, 1800)));
        assertThat(phone.locator("#photos-kept img")).hasCount(1);
        assertThat(phone.locator("#photos-kept-status")).containsText("已保存 1 张照片");
        org.assertj.core.api.Assertions.assertThat(keptPhotoWidth(phone)).isEqualTo(1600);
        Chromium.screenshot(phone, "visit-order-01-photo-kept");

        phone.context().setOffline(true);
        phone.locator("#submit-visit").click();
        assertThat(phone.locator("#visit-status")).containsText("网络不通");
        org.assertj.core.api.Assertions.assertThat(visits(elder)).isZero();
        org.assertj.core.api.Assertions.assertThat(keptPhotos(phone)).isEqualTo(1);
        Chromium.screenshot(phone, "visit-order-02-offline");

        phone.context().setOffline(false);
        assertThat(phone.locator("#visit-status")).containsText("已提交");
        assertThat(phone.locator("#photo-status")).containsText("已上传 1 张照片");
        org.assertj.core.api.Assertions.assertThat(keptPhotos(phone)).isZero();
        org.assertj.core.api.Assertions.assertThat(visits(elder)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(photos(elder)).isEqualTo(1);
        Chromium.screenshot(phone, "visit-order-03-submitted");

        phone.locator("#visit-link").click();
        assertThat(phone.locator("#visit-photos img")).hasCount(1);
        // the order is raised once the visit has committed: the page refreshes the line until it is there
        assertThat(phone.locator("#visit-orders .order-status")).hasText("待派单");
        assertThat(phone.locator("#visit-orders")).containsText("助餐");
        assertThat(phone.locator("#visit-orders")).containsText("送餐上门");
        String orderLink = phone.locator("#visit-orders .order-link").getAttribute("href");
        Chromium.screenshot(phone, "visit-order-04-visit-with-order");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("() => document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390);
        phone.context().close();
        org.assertj.core.api.Assertions.assertThat(orders(elder)).isEqualTo(1);

        // the township clerk's services board lists the new order, and it opens
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", VisitFixtures.TOWNSHIP);
        Page desk = logIn(clerk, Accounts.PASSWORD, 1366, 768);
        desk.navigate(url("/services/board"));
        assertThat(desk.locator("#open-orders")).containsText("助餐老人");
        Chromium.screenshot(desk, "visit-order-05-services-board");
        desk.locator("#open-orders a[href='" + orderLink + "']").click();
        assertThat(desk.locator("body")).containsText("探访发现");
        Chromium.screenshot(desk, "visit-order-06-order");
    }

    private void startVisitOf(Page phone, String name) {
        phone.locator(".visit-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(name)).locator("[id^=start-]").first().click();
    }

    /** A photo as a phone camera takes it: large, so the page has to make it smaller. */
    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 180, 150));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(90, 60, 40));
        g.fillRect(width / 4, height / 3, width / 2, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static Object idb(Page page, String body) {
        return page.evaluate("""
                () => new Promise((resolve, reject) => {
                  const open = indexedDB.open('yly-visits', 1);
                  open.onerror = () => reject(open.error);
                  open.onsuccess = () => {
                    const all = open.result.transaction('photos').objectStore('photos').getAll();
                    all.onsuccess = () => { const photos = all.result; %s };
                  };
                })""".formatted(body));
    }

    private static int keptPhotos(Page page) {
        return ((Number) idb(page, "resolve(photos.length);")).intValue();
    }

    private static int keptPhotoWidth(Page page) {
        return ((Number) idb(page, """
                createImageBitmap(photos[0].blob).then(b => resolve(Math.max(b.width, b.height)));""")).intValue();
    }

    private long visits(long person) {
        return jdbc.sql("select count(*) from visits.visit where person_id = :p").param("p", person)
                .query(Long.class).single();
    }

    private long photos(long person) {
        return jdbc.sql("select count(*) from visits.photo f join visits.visit v on v.id = f.visit_id "
                + "where v.person_id = :p").param("p", person).query(Long.class).single();
    }

    private long orders(long person) {
        return jdbc.sql("select count(*) from services.service_order where person_id = :p").param("p", person)
                .query(Long.class).single();
    }
}
