package org.yilaoyixiao.shell;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.yilaoyixiao.support.Accounts;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.PlatformTest;

/**
 * Exports stream their rows from the database; a stream left open keeps its connection. Three exports that did so
 * exhausted the pool of ten after a few downloads and every later request waited 30 s and failed. Each export is
 * downloaded more times than the pool has connections: with a leak the eleventh would fail.
 */
@PlatformTest
class ExportConnectionsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void exportsGiveTheirConnectionBack() throws Exception {
        String admin = Accounts.create(mvc, "COUNTY_ADMIN", PlatformTest.COUNTY);
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", admin)
                .param("password", Accounts.PASSWORD).with(csrf())).andReturn().getRequest().getSession(false);
        for (String export : new String[]{"/assessment/due/export", "/placement/export", "/placement/enrolments/export",
                "/persons/export", "/outreach/export"}) {
            for (int i = 0; i < 12; i++) {
                mvc.perform(get(export).session(session)).andExpect(status().isOk());
            }
        }
    }
}
