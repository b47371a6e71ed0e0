package org.yilaoyixiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.BrowserlessSession;
import org.yilaoyixiao.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Error handling as the servlet container does it, over real HTTP. */
@PlatformTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void anUnknownPageIsAChinesePageWithoutTechnicalDetail() throws Exception {
        BrowserlessSession session = new BrowserlessSession(port);
        assertThat(session.login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).endsWith("/");
        HttpResponse<String> response = session.get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("页面不存在").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("Whitelabel");
    }

    @Test
    void aForbiddenPageSaysSoInChinese() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        HttpResponse<String> response = session.get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("没有权限").doesNotContain("Exception").doesNotContain("AccessDenied");
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = new BrowserlessSession(port)
                .getWithBasic("/api/v1/no-such-thing", PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("Exception");
    }
}
