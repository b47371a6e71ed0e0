package org.yilaoyixiao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.subsidies.MoneyPages;
import org.yilaoyixiao.support.PlatformTest;

/**
 * The parameter table as a bureau clerk reads it (issue 18): each parameter by its Chinese name with its value and
 * unit in words (元/人/月, 个月, 岁, a ratio as a percentage), grouped by programme, no key and no English unit; and in
 * English, names and units without Chinese.
 */
@PlatformTest
class PolicyPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void parametersAreShownByNameWithTheirUnitsInWords() throws Exception {
        MoneyPages pages = new MoneyPages(mvc);
        var session = pages.login(pages.civilAffairsClerk("参数查看"));
        Document chinese = pages.page(session, "/policy/parameters");
        assertThat(MoneyPages.latinWords(chinese.selectFirst("main"))).isEmpty();
        assertThat(chinese.select("main").text()).doesNotContain("elderly-service-subsidy").doesNotContain("CNY")
                .doesNotContain("months").contains("养老服务补贴（重度失能）");
        assertThat(chinese.select("[data-key=elderly-service-subsidy.level3] .parameter-value").text())
                .isEqualTo("300.00 元/人/月");
        assertThat(chinese.select("[data-key=childcare-allowance.age-limit-months] .parameter-value").text())
                .isEqualTo("36 个月");
        assertThat(chinese.select("[data-key=love-card.min-age] .parameter-value").text()).isEqualTo("80 岁");
        assertThat(chinese.select("[data-key=institution-operating.public-built-private-run-share] .parameter-value")
                .text()).isEqualTo("50%");
        assertThat(chinese.select(".policy-group").eachText()).contains("养老服务补贴", "育儿补贴");

        Document english = pages.page(session, "/policy/parameters", "en");
        assertThat(MoneyPages.hasChinese(english.select(".parameter-name").text())).isFalse();
        assertThat(MoneyPages.hasChinese(english.select(".parameter-value").text())).isFalse();
        assertThat(english.select("[data-key=elderly-service-subsidy.level3] .parameter-value").text())
                .isEqualTo("300.00 yuan per person per month");
    }
}
