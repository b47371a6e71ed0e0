package org.yilaoyixiao.lovecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

/**
 * A batch allocation and a top-up move money only on a confirmed preview (issue 19): without the confirmation, or
 * after the eligible people or the purse changed since the preview, the page refuses in Chinese and nothing is posted.
 */
@PlatformTest
class LoveCardConfirmationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    private MockHttpSession admin() throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn().getRequest().getSession(false);
    }

    private Document send(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.session(session).with(csrf()).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder allocation(String path, String key) {
        return post(path).param("source", "COLLECTIVE").param("amountPerCard", "1.50")
                .param("division", PlacementFixtures.VILLAGE).param("reference", "村集体确认测试")
                .param("donor", "").param("idempotencyKey", key);
    }

    private long allocations(String key) {
        return jdbc.sql("select count(*) from lovecard.allocation where idempotency_key = :k")
                .param("k", "allocation:" + key).query(Long.class).single();
    }

    @Test
    void anAllocationPostsOnlyWithTheConfirmationOfItsCurrentPreview() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        fixtures.person("确认老人", TestIdNumbers.next(LocalDate.now().minusYears(88)));
        MockHttpSession session = admin();
        String key = UUID.randomUUID().toString();

        Document unconfirmed = send(session, allocation("/love-cards/allocations", key));
        assertThat(unconfirmed.select("#allocation-problems").text()).contains("请先预览");
        assertThat(allocations(key)).isZero();

        Document preview = send(session, allocation("/love-cards/allocations/preview", key));
        int cards = Integer.parseInt(preview.select("#preview-cards").text().replace(",", ""));
        assertThat(cards).isPositive();
        assertThat(preview.select("#preview-total").text().replace(",", ""))
                .isEqualTo(new java.math.BigDecimal("1.50").multiply(java.math.BigDecimal.valueOf(cards)).toPlainString());
        String stale = preview.select("#confirm-form input[name=confirmation]").val();

        // one more elder qualifies after the preview: the previewed count no longer holds
        fixtures.person("后来老人", TestIdNumbers.next(LocalDate.now().minusYears(87)));
        Document refused = send(session, allocation("/love-cards/allocations", key).param("confirmation", stale));
        assertThat(refused.select("#allocation-problems").text()).contains("预览之后数据已有变化");
        assertThat(allocations(key)).isZero();

        Document fresh = send(session, allocation("/love-cards/allocations/preview", key));
        assertThat(Integer.parseInt(fresh.select("#preview-cards").text().replace(",", ""))).isEqualTo(cards + 1);
        Document done = send(session, allocation("/love-cards/allocations", key)
                .param("confirmation", fresh.select("#confirm-form input[name=confirmation]").val()));
        assertThat(done.select("#allocation-done").text()).contains(String.valueOf(cards + 1));
        assertThat(allocations(key)).isEqualTo(1);
    }

    @Test
    void aTopUpWithoutConfirmationPostsNothing() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long person = fixtures.person("充值确认", TestIdNumbers.next(LocalDate.now().minusYears(85)));
        MockHttpSession session = admin();
        Document refused = send(session, post("/love-cards/" + person + "/top-ups").param("source", "GOVERNMENT")
                .param("amount", "20").param("reference", "拨款确认").param("idempotencyKey", "unconfirmed-" + person));
        assertThat(refused.select("#top-up-problems").text()).contains("请先预览");
        assertThat(jdbc.sql("select count(*) from lovecard.top_up where person_id = :p").param("p", person)
                .query(Long.class).single()).isZero();
    }
}
