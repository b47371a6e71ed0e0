package org.yilaoyixiao.divisions;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class DivisionApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DivisionDirectory directory;

    @Test
    void theCountyHasItsThirtyTwoTownships() throws Exception {
        mvc.perform(get("/api/v1/divisions/331121").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("331121"))
                .andExpect(jsonPath("$.name").value("青田县"))
                .andExpect(jsonPath("$.level").value("COUNTY"))
                .andExpect(jsonPath("$.children", hasSize(32)))
                .andExpect(jsonPath("$.children[*].level", everyItem(is("TOWNSHIP"))))
                .andExpect(jsonPath("$.children[0].code").value("331121001"))
                .andExpect(jsonPath("$.children[0].name").value("鹤城街道"))
                .andExpect(jsonPath("$.children[*].code", hasItem("331121203")))
                .andExpect(jsonPath("$.children[*].name", hasItem("高市乡")));
    }

    @Test
    void aTownshipListsItsVillagesAndItsParent() throws Exception {
        mvc.perform(get("/api/v1/divisions/331121203").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("高市乡"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.parentCode").value("331121"))
                .andExpect(jsonPath("$.children[*].level", everyItem(is("VILLAGE"))))
                .andExpect(jsonPath("$.children", hasSize(7)));
    }

    @Test
    void anUnknownCodeIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/divisions/331121999").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void aTownshipUserSeesOwnTownshipButNotAnother() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.HECHENG).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("鹤城街道"));
        mvc.perform(get("/api/v1/divisions/331121001901").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.OUNAN).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/divisions/331121002901").with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/divisions/" + PlatformTest.COUNTY).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void scopeContainmentFollowsTheTree() {
        org.assertj.core.api.Assertions.assertThat(directory.isWithin("331121", "331121001901")).isTrue();
        org.assertj.core.api.Assertions.assertThat(directory.isWithin("331121001", "331121001901")).isTrue();
        org.assertj.core.api.Assertions.assertThat(directory.isWithin("331121001", "331121002901")).isFalse();
        org.assertj.core.api.Assertions.assertThat(directory.isWithin("331121001", "331121")).isFalse();
        org.assertj.core.api.Assertions.assertThat(directory.subtreeCodes("331121")).hasSizeGreaterThanOrEqualTo(1 + 32 + 223);
        org.assertj.core.api.Assertions.assertThat(directory.path("331121001901")).extracting(Division::code)
                .containsExactly("331121", "331121001", "331121001901");
    }
}
