package org.yilaoyixiao.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Creates accounts through the real API, as an administrator would. */
public final class Accounts {

    /** The password every test account ends up with, after replacing its initial one. */
    public static final String PASSWORD = "Field-Work-2026";
    public static final String INITIAL_PASSWORD = "Initial-Pass-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Accounts() {
    }

    /** A username no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates an account as the administrator, then lets its user replace the initial password. */
    public static String create(MockMvc mvc, String role, String divisionCode) throws Exception {
        String username = unique(role.toLowerCase().replace('_', '-'));
        mvc.perform(post("/api/v1/users").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","password":"%s","displayName":"测试用户","roles":["%s"],"divisionCode":"%s",
                                 "bureau":%s}
                                """.formatted(username, INITIAL_PASSWORD, role, divisionCode,
                                role.equals("BUREAU_STAFF") ? "\"CIVIL_AFFAIRS\"" : "null")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username, INITIAL_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(INITIAL_PASSWORD, PASSWORD)))
                .andExpect(status().isNoContent());
        return username;
    }
}
