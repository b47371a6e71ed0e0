package org.yilaoyixiao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PeopleSheets;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** The export of a filtered list: masked ID numbers only, within the caller's scope, audited. */
@PlatformTest
class PersonExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private void register(String idNumber, String name, String residence) throws Exception {
        mvc.perform(post("/api/v1/persons").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,
                                 "economicStatus":"MINIMUM_LIVING","livingSituation":["LIVING_ALONE","LEFT_BEHIND"]}
                                """.formatted(idNumber, name, residence)))
                .andExpect(status().isCreated());
    }

    @Test
    void theExportHoldsMaskedIdNumbersOnlyAndIsAudited() throws Exception {
        String surname = "导" + System.nanoTime() % 1_000_000;
        String first = TestIdNumbers.nextElder();
        String second = TestIdNumbers.nextElder();
        register(first, surname + "甲", "331121203901");
        register(second, surname + "乙", "331121203902");
        register(TestIdNumbers.nextElder(), surname + "丙", "331121002901");

        byte[] file = mvc.perform(get("/api/v1/persons/export.xlsx").param("division", "331121203").param("q", surname)
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", PeopleSheets.MEDIA_TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        String everything = new String(file, StandardCharsets.ISO_8859_1) + unzipped(file);
        for (String idNumber : List.of(first, second)) {
            assertThat(everything).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
            assertThat(everything).contains(ResidentIdNumber.mask(idNumber));
        }
        List<List<String>> rows = PeopleSheets.read(file, 0);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isEqualTo("身份证号码（脱敏）");
        assertThat(rows.get(1)).contains(ResidentIdNumber.mask(first), surname + "甲", "高市一村", "低保", "独居、留守");
        assertThat(rows.get(2).get(1)).isEqualTo(surname + "乙");

        assertThat(jdbc.sql("select detail from audit.audit_event where type = 'PERSONS_EXPORTED' and detail like :q")
                .param("q", "%q=" + surname + "%").query(String.class).list())
                .singleElement().asString().contains("division=331121203").endsWith("rows=2");
    }

    @Test
    void exportingNeedsThePermissionAndStaysWithinTheScope() throws Exception {
        String surname = "范" + System.nanoTime() % 1_000_000;
        register(TestIdNumbers.nextElder(), surname + "甲", "331121001907");
        register(TestIdNumbers.nextElder(), surname + "乙", "331121002902");

        String butler = Accounts.create(mvc, "BUTLER", PlatformTest.HECHENG);
        mvc.perform(get("/api/v1/persons/export.xlsx").with(httpBasic(butler, Accounts.PASSWORD)))
                .andExpect(status().isForbidden());

        String clerk = Accounts.create(mvc, "TOWNSHIP_STAFF", PlatformTest.HECHENG);
        byte[] own = mvc.perform(get("/api/v1/persons/export.xlsx").param("q", surname)
                        .with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = PeopleSheets.read(own, 0);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).isEqualTo(surname + "甲");

        byte[] outside = mvc.perform(get("/api/v1/persons/export.xlsx").param("q", surname)
                        .param("division", PlatformTest.OUNAN).with(httpBasic(clerk, Accounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PeopleSheets.read(outside, 0)).hasSize(1);
    }

    /** The decompressed text of every part of the xlsx (zip) file. */
    private static String unzipped(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        Path file = Files.createTempFile("export-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream part = zip.getInputStream(entry)) {
                        text.append(entry.getName()).append('\n')
                                .append(new String(part.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        assertThat(text).contains("xl/worksheets/sheet1.xml");
        return text.toString();
    }
}
