package org.yilaoyixiao.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

/** A web session ends at its next request once its account is disabled or its password reset by an administrator. */
@PlatformTest
class SessionEndTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", Accounts.PASSWORD)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void aDisabledAccountsSessionEndsAtItsNextRequest() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = login(clerk);
        MockHttpSession other = login(clerk);
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/v1/users/" + clerk + "/disable").with(httpBasic(PlatformTest.ADMIN,
                PlatformTest.ADMIN_PASSWORD))).andExpect(status().is2xxSuccessful());

        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?ended"));
        // an htmx request is told to load the login page instead of swapping it into a fragment
        mvc.perform(get("/persons").header("HX-Request", "true").session(other))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login?ended"));
        // and the session is gone for good, even after the account is enabled again
        mvc.perform(post("/api/v1/users/" + clerk + "/enable").with(httpBasic(PlatformTest.ADMIN,
                PlatformTest.ADMIN_PASSWORD))).andExpect(status().is2xxSuccessful());
        mvc.perform(get("/persons").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPasswordResetByAnAdministratorEndsTheOldSessions() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = login(clerk);
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/v1/users/" + clerk + "/password").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newPassword\":\"Reset-Pass-2026\"}")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/persons").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void anUntouchedAccountKeepsItsSession() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        String colleague = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession session = login(clerk);
        mvc.perform(post("/api/v1/users/" + colleague + "/disable").with(httpBasic(PlatformTest.ADMIN,
                PlatformTest.ADMIN_PASSWORD))).andExpect(status().is2xxSuccessful());
        mvc.perform(get("/persons").session(session)).andExpect(status().isOk());
    }
}
