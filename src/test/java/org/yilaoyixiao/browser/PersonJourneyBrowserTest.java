package org.yilaoyixiao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.support.BrowserJourney;
import org.yilaoyixiao.support.Chromium;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/**
 * A clerk registers an elder whose son lives in Italy: the form, the masked record, the audited reveal, the contact
 * abroad with its local time, and the search. Screenshots go to target/screenshots.
 */
@PlatformTest
class PersonJourneyBrowserTest extends BrowserJourney {

    @Test
    void aClerkRegistersAnElderWithASonAbroad() {
        String idNumber = TestIdNumbers.nextElder();
        String name = "叶" + (System.nanoTime() % 1000) + "婆";
        Page page = loggedInAdmin();

        page.navigate(url("/persons/new"));
        // a check digit that is surely wrong (a fixed "0" is right for one number in eleven)
        page.getByLabel("身份证号码").fill(idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? "1" : "0"));
        page.getByLabel("姓名").fill(name);
        PeoplePickers.choose(page, "#residence-picker", "331121106901", "");
        page.locator("#save-person").click();
        assertThat(page.locator("#person-form")).containsText("校验码不对");
        Chromium.screenshot(page, "registry-01-form-error");

        page.getByLabel("身份证号码").fill(idNumber);
        page.getByLabel("联系电话").fill("13905786666");
        page.getByLabel("低保").isVisible();
        page.locator("select#economicStatus").selectOption("MINIMUM_LIVING");
        page.getByLabel("独居").check();
        page.getByLabel("留守").check();
        page.locator("#save-person").click();
        assertThat(page.locator("#person-name")).hasText(name);
        assertThat(page.locator("#id-number")).hasText(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        htmxReady(page);
        page.locator("#reveal-id").click();
        assertThat(page.locator("#id-number")).hasText(idNumber);
        Chromium.screenshot(page, "registry-02-detail-revealed");

        page.getByText("家庭与联系人").click();
        page.locator("#relations input[name=name]").last().fill("叶小明");
        page.locator("#relations select[name=relation]").last().selectOption("SON");
        page.locator("#relations input[name=phone]").last().fill("+39 333 1234567");
        page.locator("#contact-place").selectOption("IT Europe/Rome");
        page.locator("#contact-emergency").check();
        page.getByText("添加联系人").click();
        assertThat(page.locator("#contact-table")).containsText("意大利");
        assertThat(page.locator("#contact-table")).containsText("当地时间");
        Chromium.screenshot(page, "registry-03-contact-abroad");

        page.navigate(url("/persons"));
        page.locator("#person-search input[name=q]").fill(name);
        page.locator("#person-search button[type=submit]").click();
        assertThat(page.locator("#person-table")).containsText(name);
        assertThat(page.locator("#person-table")).not().containsText(idNumber);
        Chromium.screenshot(page, "registry-04-search");
    }
}
