package org.yilaoyixiao.divisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class DivisionImportTest {

    private static final String HEADER = "code,name,parentCode,level,validFrom\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    DivisionDirectory directory;

    private ResultActions upload(String csv, Charset charset) throws Exception {
        return mvc.perform(multipart("/api/v1/divisions/import")
                .file(new MockMultipartFile("file", "villages.csv", "text/csv", csv.getBytes(charset)))
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)));
    }

    @Test
    void importsNewVillagesOnceAndKeepsHistoryWhenRenamed() throws Exception {
        String csv = HEADER + """
                331121203301,高市新村,331121203,VILLAGE,2024-01-01
                331121203302,高市东村,331121203,VILLAGE,2024-01-01
                """;
        upload(csv, StandardCharsets.UTF_8).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.unchanged").value(0));
        upload(csv, StandardCharsets.UTF_8).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.unchanged").value(2));

        upload(HEADER + "331121203301,高市幸福村,331121203,VILLAGE,2025-06-01\n", StandardCharsets.UTF_8)
                .andExpect(status().isOk()).andExpect(jsonPath("$.renamed").value(1));
        assertThat(directory.find("331121203301")).get().extracting(Division::name).isEqualTo("高市幸福村");
        assertThat(directory.findAsOf("331121203301", LocalDate.of(2025, 5, 31))).get()
                .extracting(Division::name).isEqualTo("高市新村");
        assertThat(directory.findAsOf("331121203301", LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(directory.children("331121203")).extracting(Division::code).contains("331121203302");
    }

    @Test
    void aFileWithAnyBadLineChangesNothingAndNamesEveryLine() throws Exception {
        String csv = HEADER + """
                331121204301,海溪新村,331121204,VILLAGE,2024-01-01
                331121204302,无主村,331121999,VILLAGE,2024-01-01
                331121204303,错层村,331121,VILLAGE,2024-01-01
                331121204301,重复村,331121204,VILLAGE,2024-01-01
                """;
        upload(csv, StandardCharsets.UTF_8)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[3].parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[4].parentCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[5].code")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("PARENT_UNKNOWN")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("第")));
        assertThat(directory.find("331121204301")).isEmpty();
    }

    @Test
    void acceptsACsvSavedByChineseExcel() throws Exception {
        upload(HEADER + "331121205301,章村新村,331121205,VILLAGE,2024/1/1\r\n", Charset.forName("GB18030"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(directory.find("331121205301")).get().extracting(Division::name).isEqualTo("章村新村");
    }

    @Test
    void aRetiredDivisionKeepsItsHistory() throws Exception {
        upload(HEADER + "331121206301,祯旺旧村,331121206,VILLAGE,2023-01-01\n", StandardCharsets.UTF_8)
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/divisions/331121206301/retirement")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveDate\":\"2024-07-01\",\"reason\":\"并村\"}"))
                .andExpect(status().isNoContent());
        assertThat(directory.find("331121206301")).isEmpty();
        assertThat(directory.findAsOf("331121206301", LocalDate.of(2024, 6, 30))).isPresent();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/divisions/331121206301")
                        .param("asOf", "2024-06-30").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("祯旺旧村"))
                .andExpect(jsonPath("$.validTo").value("2024-07-01"));
        assertThat(directory.isWithin("331121206", "331121206301")).isTrue();

        mvc.perform(post("/api/v1/divisions/331121206/retirement")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveDate\":\"2024-07-01\",\"reason\":\"撤乡\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"));
        assertThat(directory.find("331121206")).isPresent();

        // it may come back, but not into its own past
        upload(HEADER + "331121206301,祯旺旧村,331121206,VILLAGE,2024-01-01\n", StandardCharsets.UTF_8)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("RETIRED"));
        upload(HEADER + "331121206301,祯旺新村,331121206,VILLAGE,2025-01-01\n", StandardCharsets.UTF_8)
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(directory.find("331121206301")).get().extracting(Division::name).isEqualTo("祯旺新村");
        assertThat(directory.findAsOf("331121206301", LocalDate.of(2024, 8, 1))).isEmpty();
    }

    @Test
    void aDivisionDueToBeRetiredIsUnchangedWhenItsListIsImportedAgain() throws Exception {
        String list = HEADER + "331121209301,巨浦待撤村,331121209,VILLAGE,2023-01-01\n";
        upload(list, StandardCharsets.UTF_8).andExpect(status().isOk());
        mvc.perform(post("/api/v1/divisions/331121209301/retirement")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveDate\":\"2099-01-01\",\"reason\":\"规划撤并\"}"))
                .andExpect(status().isNoContent());
        upload(list, StandardCharsets.UTF_8).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
        assertThat(directory.find("331121209301")).isPresent();
        mvc.perform(post("/api/v1/divisions/331121209301/retirement")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveDate\":\"2098-01-01\",\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aRequestWithoutAFileIsAClientError() throws Exception {
        mvc.perform(multipart("/api/v1/divisions/import").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        mvc.perform(multipart("/api/v1/divisions/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                (HEADER + "331121001301,越权村,331121001,VILLAGE,2024-01-01\n").getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        assertThat(directory.find("331121001301")).isEmpty();
    }
}
