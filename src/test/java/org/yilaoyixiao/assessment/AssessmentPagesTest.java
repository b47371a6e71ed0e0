package org.yilaoyixiao.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class AssessmentPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private org.springframework.mock.web.MockHttpSession admin() throws Exception {
        var result = mvc.perform(post("/login").param("username", PlatformTest.ADMIN)
                .param("password", PlatformTest.ADMIN_PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn();
        return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
    }

    private org.springframework.test.web.servlet.ResultActions page(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .session(admin()).header("Accept-Language", "zh-CN"));
    }

    @Test
    void thePersonPageHasAnAssessmentTabListingTheAssessments() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("页面评估");
        page("/assessment/persons/" + elder + "/tab").andExpect(status().isOk())
                .andExpect(content().string(containsString("尚无能力评估记录")));
        String items = AssessmentItems.standard().all().stream()
                .map(item -> "\"" + item.code() + "\":" + (item.group().equals("B.1") ? 0 : item.maxScore()))
                .collect(Collectors.joining(",", "{", "}"));
        fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"2026-03-01","reason":"FIRST","place":"家中","assessors":["甲","乙"],
                 "items":%s,"coma":false,"diagnoses":[],"riskEventsLast30Days":2}
                """.formatted(elder, items)).andExpect(status().isCreated());

        page("/persons/" + elder).andExpect(status().isOk())
                .andExpect(content().string(containsString("/assessment/persons/" + elder + "/tab")))
                .andExpect(content().string(containsString("能力评估")));
        // 58 points → level 2, two risk events → level 3
        page("/assessment/persons/" + elder + "/tab").andExpect(status().isOk())
                .andExpect(content().string(containsString("能力重度受损（重度失能）")))
                .andExpect(content().string(containsString("近30天内发生2次及以上照护风险事件")));
    }

    @Test
    void theFormRecordsAnAssessmentAndShowsThePrintableResult() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("表单评估");
        String page = page("/assessment/persons/" + elder + "/new").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parse(page).select("#assessment-form .card"))
                .hasSize(26);
        org.assertj.core.api.Assertions.assertThat(page).contains("/js/assessment.js").contains("在指导或提示下完成");

        var request = post("/assessment/persons/" + elder)
                .session(admin())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN")
                .param("assessedOn", "2026-03-02").param("reason", "FIRST").param("place", "家中")
                .param("assessors", "甲", "乙").param("diagnoses", "F01").param("riskEventsLast30Days", "0");
        for (AssessmentItem item : AssessmentItems.standard().all()) {
            request.param("item-" + item.code(), Integer.toString(item.maxScore()));
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        // 90 points → level 0, dementia → level 1
        page(location).andExpect(status().isOk())
                .andExpect(content().string(containsString("能力轻度受损（轻度失能）")))
                .andExpect(content().string(containsString("assessment-print.css")))
                .andExpect(content().string(containsString("评估员签字")));

        var missing = post("/assessment/persons/" + elder)
                .session(admin())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN")
                .param("assessedOn", "2026-03-02").param("reason", "FIRST").param("place", "家中")
                .param("assessors", "甲", "乙");
        mvc.perform(missing).andExpect(status().isOk())
                .andExpect(content().string(containsString("缺少评估项目 B.1.1（进食）的得分")));
    }

    @Test
    void theDueListShowsPeopleWhoseAssessmentIsAYearOld() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("到期评估");
        String items = AssessmentItems.standard().all().stream()
                .map(item -> "\"" + item.code() + "\":" + item.maxScore())
                .collect(Collectors.joining(",", "{", "}"));
        fixtures.send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"2024-01-15","reason":"FIRST","place":"家中","assessors":["甲","乙"],
                 "items":%s}
                """.formatted(elder, items)).andExpect(status().isCreated());
        page("/assessment/due?division=" + PlatformTest.HECHENG).andExpect(status().isOk())
                .andExpect(content().string(containsString("到期评估")))
                .andExpect(content().string(containsString("2025-01-15")));
    }

    @Test
    void theImportPageStoresOldResultsAndThePersonTabAndDueListShowThemInTheirOwnScheme() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        String id = org.yilaoyixiao.support.TestIdNumbers.nextElder();
        long elder = fixtures.person("旧标准页面", id);
        page("/assessment/legacy-import").andExpect(status().isOk())
                .andExpect(content().string(containsString("导入旧标准评估结果")))
                .andExpect(content().string(containsString("/assessment/legacy-import/template.xlsx")));
        String csv = "身份证号,姓名,评估日期,评估等级\r\n" + id + ",旧标准页面,2018-04-09,轻度失能\r\n"
                + id + ",旧标准页面,2018-13-01,轻度失能\r\n";
        var bad = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/assessment/legacy-import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "旧.csv", "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .session(admin()).header("Accept-Language", "zh-CN")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        mvc.perform(bad).andExpect(status().isOk())
                .andExpect(content().string(containsString("有 1 处问题，全部未导入")))
                .andExpect(content().string(containsString("评估日期“2018-13-01”无法识别")));
        page("/assessment/persons/" + elder + "/tab")
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("legacy-table"))));

        String good = csv.substring(0, csv.lastIndexOf(id));
        var ok = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/assessment/legacy-import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "旧.csv", "text/csv",
                        good.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .session(admin()).header("Accept-Language", "zh-CN")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        mvc.perform(ok).andExpect(status().isOk())
                .andExpect(content().string(containsString("新导入 1 条")));
        page("/assessment/persons/" + elder + "/tab")
                .andExpect(content().string(containsString("历史评估结果（MZ/T 039-2013）")))
                .andExpect(content().string(containsString("不换算")))
                .andExpect(content().string(containsString("轻度失能")));
        page("/assessment/due").andExpect(status().isOk())
                .andExpect(content().string(containsString("旧标准页面")))
                .andExpect(content().string(containsString("需按现行标准首次评估")))
                .andExpect(content().string(containsString("MZ/T 039-2013：轻度失能")))
                .andExpect(content().string(containsString("鹤城街道")));
    }
}
