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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    @Test
    void aMissingRecordIsTheNotFoundPageAndTheRefusalIsAudited() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(clerk, Accounts.PASSWORD);
        HttpResponse<String> response = session.get("/persons/987654321");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("未找到或无权查看").contains("id=\"nav-areas\"")
                .doesNotContain("Exception").doesNotContain("person.not-found");
        assertThat(jdbc.sql("""
                        select count(*) from audit.audit_event
                        where actor = :actor and type = 'ACCESS_REFUSED' and target = '/persons/987654321'
                          and outcome = 'DENIED'
                        """).param("actor", clerk).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMissingRecordThroughTheApiIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = new BrowserlessSession(port).getWithBasic("/api/v1/persons/987654321/timeline",
                PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void controlCharactersAndAbsurdPagesAreBadRequestsNotFaults() throws Exception {
        BrowserlessSession session = new BrowserlessSession(port);
        session.login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        HttpResponse<String> nul = session.get("/persons?q=%00%E5%8F%B6");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("无法处理这个请求");
        HttpResponse<String> page = session.get("/persons?page=2147483647");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("页码太大");
        HttpResponse<String> choice = session.get("/persons?category=NOPE");
        assertThat(choice.statusCode()).isEqualTo(400);
        HttpResponse<String> api = new BrowserlessSession(port).getWithBasic("/api/v1/persons?q=%00",
                PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("VALIDATION_FAILED");
    }
}
