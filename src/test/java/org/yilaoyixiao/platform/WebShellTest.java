package org.yilaoyixiao.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class WebShellTest {

    @Autowired
    MockMvc mvc;

    @Value("${server.servlet.session.timeout}")
    String sessionTimeout;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsChineseByDefault() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("青田县“一老一小”服务平台"), containsString("登录"),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        MvcResult result = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Log in")))
                .andReturn();
        Cookie chosen = result.getResponse().getCookie("yly-lang");
        mvc.perform(get("/login").cookie(chosen)).andExpect(content().string(containsString("Log in")));
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        // without a token the login is not processed: the visitor is sent back to log in afresh
        MvcResult result = mvc.perform(post("/login").param("username", "admin").param("password", PlatformTest.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/login?expired")).andReturn();
        org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false) == null
                || result.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
    }

    @Test
    void idleSessionsExpireAfterThirtyMinutes() {
        org.assertj.core.api.Assertions.assertThat(sessionTimeout).isEqualTo("30m");
    }

    @Test
    void theHomePageShowsOnlyTheUsersTownship() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = login(clerk, Accounts.PASSWORD);
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("我的待办"), containsString("鹤城街道"),
                        not(containsString("账号管理")))));
        mvc.perform(get("/home").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("鹤城街道"), containsString("鹤城一社区"),
                        containsString("data-code=\"331121001901\""), not(containsString("data-code=\"331121002\"")),
                        not(containsString("瓯南街道")), not(containsString("账号管理")))));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/divisions").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("鹤城二社区"), not(containsString("瓯南")))));
    }

    @Test
    void theAdministratorSeesTheWholeCountyAndTheAdministrationPages() throws Exception {
        MockHttpSession session = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get("/home").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("青田县"), containsString("高市乡"),
                        containsString("瓯南街道"), containsString("data-chart"), containsString("账号管理"),
                        containsString("审计日志"))));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("admin")));
        // the list is searched by username or name, in any case, with LIKE wildcards taken literally
        String butler = Accounts.create(mvc, "BUTLER", "331121001901");
        mvc.perform(get("/admin/users").param("q", butler.toUpperCase()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-username=\"" + butler + "\""),
                        not(containsString("data-username=\"admin\"")), containsString("共 1 条"))));
        mvc.perform(get("/admin/users").param("q", "%").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/admin/users/new").session(session)).andExpect(status().isOk());
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("LOGIN_SUCCESS")));
        mvc.perform(get("/audit").header("HX-Request", "true").param("type", "LOGIN_SUCCESS").session(session))
                .andExpect(status().isOk())
                // the results only (their pager is a <nav> of its own), not the page with the navigation bar
                .andExpect(content().string(allOf(containsString("id=\"audit-table\""),
                        not(containsString("id=\"mainNav\"")))));
        mvc.perform(post("/audit/verification").with(csrf()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("日志链完整")));
    }

    @Test
    void anAdministratorRetiresADivisionFromThePage() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/divisions/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "v.csv", "text/csv",
                                "code,name,parentCode,level,validFrom\n331121208301,舒桥试点村,331121208,VILLAGE,2023-01-01\n"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        MockHttpSession session = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(post("/divisions/retirement").session(session).with(csrf()).header("HX-Request", "true")
                        .param("code", "331121208").param("effectiveDate", "2025-01-01").param("reason", "试"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("仍有"), not(containsString("<nav")))));
        mvc.perform(post("/divisions/retirement").session(session).with(csrf())
                        .param("code", "331121208301").param("effectiveDate", "2025-01-01").param("reason", "并村"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已撤销区划："), containsString("331121208301"))));
    }

    @Test
    void anAdministratorResetsAPasswordFromThePage() throws Exception {
        String butler = Accounts.create(mvc, "BUTLER", "331121001901");
        MockHttpSession session = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get("/admin/users/" + butler + "/password").session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString(butler)));
        mvc.perform(post("/admin/users/" + butler + "/password").session(session).with(csrf()).param("newPassword", "weak"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("密码至少需要8位")));
        mvc.perform(post("/admin/users/" + butler + "/password").session(session).with(csrf())
                        .param("newPassword", "Temp-Pass-2026"))
                .andExpect(redirectedUrl("/admin/users"));
        MockHttpSession butlerSession = login(butler, "Temp-Pass-2026");
        mvc.perform(get("/").session(butlerSession)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(butlerSession).with(csrf())
                        .param("currentPassword", "Temp-Pass-2026").param("newPassword", "Butler-Own-2026")
                        .param("confirmPassword", "Butler-Own-2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").session(butlerSession)).andExpect(status().isOk());
    }

    @Test
    void guessingTheCurrentPasswordInAnOpenSessionLocksTheAccount() throws Exception {
        // someone at an unattended, logged-in desk cannot try passwords without limit
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = login(clerk, Accounts.PASSWORD);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/account/password").session(session).with(csrf())
                            .param("currentPassword", "Guess-" + i + "-2026").param("newPassword", "Mine-Only-2026")
                            .param("confirmPassword", "Mine-Only-2026"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("当前密码不正确")));
        }
        mvc.perform(post("/login").param("username", clerk).param("password", Accounts.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void theUserFormReportsProblemsInChinese() throws Exception {
        MockHttpSession session = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(post("/admin/users").session(session).with(csrf())
                        .param("username", "ab").param("displayName", "").param("password", "weak")
                        .param("divisionCode", PlatformTest.HECHENG))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("用户名须为"), containsString("密码至少需要8位"),
                        containsString("请至少选择一个角色"), containsString("is-invalid"))));
    }
}
