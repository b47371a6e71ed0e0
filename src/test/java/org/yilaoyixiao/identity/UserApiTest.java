package org.yilaoyixiao.identity;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class UserApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ResultActions create(String username, String password, String roles, String division) throws Exception {
        return mvc.perform(post("/api/v1/users").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","password":"%s","displayName":"王小红","roles":[%s],"divisionCode":"%s"}
                        """.formatted(username, password, roles, division)));
    }

    @Test
    void anAdministratorCreatesATownshipAccount() throws Exception {
        String username = Accounts.unique("wangxh");
        create(username, "Qingtian#2026", "\"TOWNSHIP_STAFF\"", PlatformTest.HECHENG)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/users/" + username))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("TOWNSHIP_STAFF"))
                .andExpect(jsonPath("$.divisionCode").value(PlatformTest.HECHENG))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "Qingtian#2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("TOWNSHIP_STAFF"))
                .andExpect(jsonPath("$.divisionCode").value(PlatformTest.HECHENG));
    }

    @Test
    void aNewUserMustReplaceTheInitialPasswordBeforeWorking() throws Exception {
        String username = Accounts.unique("initial");
        create(username, "Initial#2026", "\"TOWNSHIP_STAFF\"", PlatformTest.HECHENG).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.HECHENG).with(httpBasic(username, "Initial#2026")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username, "Initial#2026"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong\",\"newPassword\":\"weak\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("currentPassword")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("newPassword")));
        mvc.perform(post("/api/v1/me/password").with(httpBasic(username, "Initial#2026"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Initial#2026\",\"newPassword\":\"Mine-Only-2026\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.HECHENG).with(httpBasic(username, "Initial#2026")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.HECHENG).with(httpBasic(username, "Mine-Only-2026")))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorResetsAPasswordWhichMustThenBeChanged() throws Exception {
        String username = Accounts.create(mvc, "BUTLER", "331121001901");
        mvc.perform(post("/api/v1/users/" + username + "/password")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"newPassword\":\"Reset-Pass-2026\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/divisions/331121001901").with(httpBasic(username, "Reset-Pass-2026")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, Accounts.PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void aWeakPasswordIsAFieldError() throws Exception {
        for (String weak : new String[]{"short1A", "alllowercase1", "ALLUPPER-CASE", "12345678901"}) {
            create(Accounts.unique("weak"), weak, "\"TOWNSHIP_STAFF\"", PlatformTest.HECHENG)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                    .andExpect(jsonPath("$.errors[0].code").value("WEAK_PASSWORD"))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
    }

    @Test
    void everyBadFieldIsReportedAtOnce() throws Exception {
        create("X", "weak", "", "999")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("divisionCode")));
    }

    @Test
    void aRoleMustFitTheDivisionLevel() throws Exception {
        create(Accounts.unique("lvl"), "Qingtian#2026", "\"TOWNSHIP_STAFF\"", PlatformTest.COUNTY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("divisionCode"))
                .andExpect(jsonPath("$.errors[0].code").value("LEVEL_MISMATCH"));
    }

    @Test
    void bureauStaffBelongToABureau() throws Exception {
        create(Accounts.unique("bureau"), "Qingtian#2026", "\"BUREAU_STAFF\"", PlatformTest.COUNTY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bureau"));
        String username = Accounts.unique("health");
        mvc.perform(post("/api/v1/users").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","password":"Qingtian#2026","displayName":"卫健局科员",
                                 "roles":["BUREAU_STAFF"],"divisionCode":"331121","bureau":"HEALTH"}
                                """.formatted(username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bureau").value("HEALTH"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "Qingtian#2026")))
                .andExpect(jsonPath("$.bureau").value("HEALTH"));
    }

    @Test
    void aTakenUsernameIsAConflict() throws Exception {
        String username = Accounts.unique("dup");
        create(username, "Qingtian#2026", "\"BUTLER\"", "331121001901").andExpect(status().isCreated());
        create(username.toUpperCase(), "Qingtian#2026", "\"BUTLER\"", "331121001901")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
    }

    @Test
    void aDivisionOutsideTheCreatorsScopeIsForbidden() throws Exception {
        // another county on the same installation (a province-wide deployment): outside admin's county scope
        mvc.perform(multipart("/api/v1/divisions/import")
                        .file(new MockMultipartFile("file", "other.csv", "text/csv", """
                                code,name,parentCode,level,validFrom
                                331122,邻县,,COUNTY,2023-01-01
                                331122001,邻县街道,331122,TOWNSHIP,2023-01-01
                                """.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        String outsider = Accounts.unique("outside");
        create(outsider, "Qingtian#2026", "\"TOWNSHIP_STAFF\"", "331122001")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        // the refused attempt stays on record although nothing was created
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "select outcome from audit.audit_event where type = 'USER_CREATED' and target = :t")
                .param("t", "user:" + outsider).query(String.class).list()).containsExactly("DENIED");
    }

    @Test
    void onlyAdministratorsCreateAccounts() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(post("/api/v1/users").with(httpBasic(clerk, Accounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sneaky\",\"password\":\"Qingtian#2026\",\"displayName\":\"x\","
                                + "\"roles\":[\"COUNTY_ADMIN\"],\"divisionCode\":\"331121\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aTownshipAdministratorViewSeesOnlyAccountsInScope() throws Exception {
        String hecheng = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        String ounan = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.OUNAN);
        String auditor = Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY);
        mvc.perform(get("/api/v1/users?size=200").with(httpBasic(auditor, Accounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].username", hasItem(hecheng)))
                .andExpect(jsonPath("$.items[*].username", hasItem(ounan)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.totalElements").isNumber());
        mvc.perform(get("/api/v1/users").with(httpBasic(hecheng, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
