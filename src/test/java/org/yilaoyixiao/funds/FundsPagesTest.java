package org.yilaoyixiao.funds;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/** The dashboard, the account page and the statement upload form, as a logged-in administrator sees them. */
@PlatformTest
class FundsPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private MockHttpSession admin() throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD).with(csrf())).andReturn().getRequest().getSession(false);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                .param("password", org.yilaoyixiao.support.Accounts.PASSWORD).with(csrf())).andReturn().getRequest()
                .getSession(false);
    }

    @Test
    void anOfficialPutsAnAccountOnHoldOnThePageAndOnlyAnotherOfficialCanReleaseIt() throws Exception {
        FundsFixtures funds = new FundsFixtures(mvc, json);
        long account = funds.account("页面止付院" + System.nanoTime() % 1_000_000, "0.1");
        MockHttpSession maker = login(org.yilaoyixiao.support.Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY));
        MockHttpSession checker = login(org.yilaoyixiao.support.Accounts.create(mvc, "BUREAU_STAFF", PlatformTest.COUNTY));

        mvc.perform(post("/funds/accounts/" + account + "/hold").session(maker).with(csrf())
                        .header("Accept-Language", "zh-CN").param("reason", "机构负责人失联"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("held", true));
        mvc.perform(post("/funds/accounts/" + account + "/release").session(maker).with(csrf())
                        .header("Accept-Language", "zh-CN").param("reason", "已联系上"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "止付须由另一位工作人员解除，您不能解除自己设置的止付。"));
        assertStatus(funds, account, "ON_HOLD");
        // without the preview's confirmation the page refuses and shows the preview again
        mvc.perform(post("/funds/accounts/" + account + "/release").session(checker).with(csrf())
                        .header("Accept-Language", "zh-CN").param("reason", "已联系上负责人，机构正常经营"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/funds/accounts/" + account + "/release?reason=*"))
                .andExpect(flash().attribute("problem",
                        "解除止付前须先查看预览并确认，请点击“预览解除止付”核对后再确认。"));
        assertStatus(funds, account, "ON_HOLD");
        String page = mvc.perform(get("/funds/accounts/" + account + "/release").session(checker)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).contains("解除后可支付");
        java.util.regex.Matcher token = java.util.regex.Pattern
                .compile("name=\"confirmation\" value=\"([0-9a-f]+)\"").matcher(page);
        org.assertj.core.api.Assertions.assertThat(token.find()).isTrue();
        mvc.perform(post("/funds/accounts/" + account + "/release").session(checker).with(csrf())
                        .header("Accept-Language", "zh-CN").param("reason", "已联系上负责人，机构正常经营")
                        .param("confirmation", token.group(1)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("released", true));
        assertStatus(funds, account, "NORMAL");
    }

    private static void assertStatus(FundsFixtures funds, long account, String expected) throws Exception {
        org.assertj.core.api.Assertions.assertThat(funds.account(account).get("status").asString()).isEqualTo(expected);
    }

    @Test
    void theDashboardListsInstitutionsByRiskAndTheAccountPageImportsAStatement() throws Exception {
        FundsFixtures funds = new FundsFixtures(mvc, json);
        String name = "页面监管院" + System.nanoTime() % 1_000_000;
        long account = funds.account(name, "0.1");
        MockHttpSession session = admin();

        mvc.perform(multipart("/funds/accounts/" + account + "/statements")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", FundsFixtures.resource("bad-row.csv")))
                        .session(session).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("importProblems", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("第 3 行第 3 列（金额）"))));
        mvc.perform(multipart("/funds/accounts/" + account + "/statements")
                        .file(new MockMultipartFile("file", "s.csv", "text/csv", FundsFixtures.resource("structuring.csv")))
                        .session(session).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/funds").session(session).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("已止付")));
        mvc.perform(get("/funds/accounts/" + account).session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("多笔略低于限额的支出（疑似拆分）")))
                .andExpect(content().string(containsString("多笔略低于限额的支出（疑似拆分）（银行流水号 ST-005）")))
                .andExpect(content().string(containsString("data-funds-chart")))
                .andExpect(content().string(containsString("解除止付")));
        mvc.perform(get("/funds/alerts?status=OPEN").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
    }
}
