package org.yilaoyixiao.visits;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** Fresh villages, elders with economic and living situations, assessments and visits, through the public APIs. */
public final class VisitFixtures {

    /** 阜山乡, whose villages no other test counts: the fresh test villages there hold only this run's people. */
    public static final String TOWNSHIP = "331121219";

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final DivisionDirectory divisions;

    public VisitFixtures(MockMvc mvc, ObjectMapper json, DivisionDirectory divisions) {
        this.mvc = mvc;
        this.json = json;
        this.divisions = divisions;
    }

    public ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    public ResultActions send(MockHttpServletRequestBuilder request, String body, String user, String password)
            throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").content(body));
    }

    public ResultActions get(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)).header("Accept-Language", "zh-CN"));
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A village that did not exist before, under {@link #TOWNSHIP}, so that its counts are this test's alone. */
    public String freshVillage() throws Exception {
        String code;
        do {
            code = TOWNSHIP + (700 + ThreadLocalRandom.current().nextInt(300));
        } while (divisions.find(code).isPresent());
        String csv = "code,name,parentCode,level,validFrom\n" + code + ",探访测试村" + code.substring(9) + ","
                + TOWNSHIP + ",VILLAGE,2024-01-01\n";
        mvc.perform(multipart("/api/v1/divisions/import")
                        .file(new MockMultipartFile("file", "villages.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        return code;
    }

    /** An elder (born in the 1940s) living in the village. */
    public long elder(String name, String village, String economicStatus, String... livingSituation)
            throws Exception {
        return person(name, TestIdNumbers.nextElder(), village, economicStatus, livingSituation);
    }

    public long person(String name, String idNumber, String village, String economicStatus,
                       String... livingSituation) throws Exception {
        String situations = java.util.Arrays.stream(livingSituation).map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return body(send(post("/api/v1/persons"), """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,
                 "economicStatus":"%s","livingSituation":%s}
                """.formatted(idNumber, name, village, economicStatus, situations))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    /**
     * A GB/T 42195 assessment whose total lands in the band of the level: items are set to 0 one by one until the
     * total is at most the band's top (90 for level 0, 89 for level 1, 45 for level 3).
     */
    public void assess(long person, LocalDate on, int level) throws Exception {
        int top = switch (level) {
            case 0 -> 90;
            case 1 -> 89;
            case 3 -> 45;
            default -> throw new IllegalArgumentException("level " + level);
        };
        Map<String, Integer> scores = new LinkedHashMap<>();
        AssessmentItems.standard().all().forEach(item -> scores.put(item.code(), item.maxScore()));
        for (var item : AssessmentItems.standard().all()) {
            if (scores.values().stream().mapToInt(Integer::intValue).sum() <= top) {
                break;
            }
            scores.put(item.code(), 0);
        }
        String items = scores.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        send(post("/api/v1/assessments"), """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"老人家中","assessors":["张评估","李评估"],
                 "items":%s,"coma":false,"diagnoses":[],"riskEventsLast30Days":0}
                """.formatted(person, on, items)).andExpect(status().isCreated());
    }

    public JsonNode generate(YearMonth month) throws Exception {
        return body(send(post("/api/v1/visits/plans/" + month), "").andExpect(status().isOk()));
    }

    /** A visit body with every checklist area answered "no concern" unless {@code findings} is given. */
    public static String visit(long person, String visitedAt, String mode, String key, String findings) {
        String all = findings != null ? findings : """
                {"HEALTH":{"concern":false},"LIVING":{"concern":false},"SAFETY":{"concern":false},
                 "MENTAL":{"concern":false},"NEEDS":{"concern":false}}""";
        return """
                {"personId":%d,"visitedAt":"%s","mode":"%s","findings":%s,"idempotencyKey":"%s"}
                """.formatted(person, visitedAt, mode, all, key);
    }

    public ResultActions record(long person, String visitedAt) throws Exception {
        return send(post("/api/v1/visits"), visit(person, visitedAt, "HOME", key(), null));
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** Noon of a day of the month in the county, as ISO-8601 with its offset. */
    public static String noon(YearMonth month, int day) {
        return month.atDay(day) + "T12:00:00+08:00";
    }

    public JsonNode targetsOf(String village, YearMonth month) throws Exception {
        return body(get("/api/v1/visits/targets?division=" + village + "&month=" + month + "&size=200")
                .andExpect(status().isOk()));
    }

    public static JsonNode find(JsonNode page, long personId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("personId").asLong() == personId) {
                return item;
            }
        }
        return null;
    }

    static ResultActions getAs(MockMvc mvc, String path, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(user, org.yilaoyixiao.support.Accounts.PASSWORD)).header("Accept-Language", "zh-CN"));
    }
}
