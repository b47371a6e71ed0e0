package org.yilaoyixiao.registry;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PeopleSheets;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** The wizard's pages with a logged-in session: refusals on the page, the language, who may see what. */
@PlatformTest
class PersonImportPageTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedOnThePageInChinese() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(multipart("/persons/import").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                        "身份证号码,姓名".getBytes(StandardCharsets.UTF_8))).session(admin).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("不是 Excel（.xlsx）格式"),
                        containsString("id=\"upload-form\""))));
    }

    @Test
    void theWizardSpeaksEnglishOnRequestAndAnImportIsOnlyItsUploadersPage() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        mvc.perform(get("/persons/import").param("lang", "en").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Import people"),
                        containsString("Download the import template"))));
        String location = mvc.perform(multipart("/persons/import").file(new MockMultipartFile("file", "p.xlsx",
                        PeopleSheets.MEDIA_TYPE, PeopleSheets.xlsx(List.of(PeopleSheets.person(
                                TestIdNumbers.nextElder(), "页面测试", "331121001901"))))).session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/persons/import/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-status\"")));

        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        MockHttpSession other = login(clerk, Accounts.PASSWORD);
        mvc.perform(get(location).session(other)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/confirm").session(other).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theWizardAndTheExportNeedTheirPermissions() throws Exception {
        MockHttpSession butler = login(Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/persons/import").session(butler)).andExpect(status().isForbidden());
        mvc.perform(get("/persons/export").session(butler)).andExpect(status().isForbidden());
        MockHttpSession clerk = login(Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG), Accounts.PASSWORD);
        mvc.perform(get("/persons/export").param("category", "ELDER").session(clerk))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", PeopleSheets.MEDIA_TYPE))
                .andExpect(header().string("Content-Disposition", containsString("331121001")));
    }
}
