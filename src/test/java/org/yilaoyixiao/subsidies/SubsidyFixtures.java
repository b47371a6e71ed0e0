package org.yilaoyixiao.subsidies;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.assessment.AssessmentItems;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;

/** People, assessments and runs made through the public APIs, for subsidy tests and the journey. */
public final class SubsidyFixtures {

    public static final String VILLAGE = "331121001901";

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final Map<Long, String> idNumbers = new java.util.concurrent.ConcurrentHashMap<>();

    public SubsidyFixtures(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions send(String user, String password, String method, String path, String body) throws Exception {
        var request = "GET".equals(method) ? get(path) : post(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(httpBasic(user, password)).header("Accept-Language", "zh-CN"));
    }

    public ResultActions asAdmin(String method, String path, String body) throws Exception {
        return send(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, method, path, body);
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A person born on the date, with the household registration and economic status given. */
    public long person(String name, LocalDate birth, boolean localHukou, String economicStatus) throws Exception {
        String idNumber = TestIdNumbers.next(birth);
        ResultActions created = asAdmin("POST", "/api/v1/persons", """
                {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":%s,"economicStatus":"%s",
                 "livingSituation":[]}
                """.formatted(idNumber, name, VILLAGE, localHukou, economicStatus));
        if (created.andReturn().getResponse().getStatus() != 201) {
            throw new AssertionError("person not created: "
                    + created.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        long id = body(created).get("id").asLong();
        idNumbers.put(id, idNumber);
        return id;
    }

    /** The full ID number a person was created with here. */
    public String idNumber(long person) {
        return idNumbers.get(person);
    }

    /** Changes a person's economic status, as a clerk would after a review. */
    public void changeEconomicStatus(long person, String economicStatus) throws Exception {
        JsonNode current = body(asAdmin("GET", "/api/v1/persons/" + person, null));
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/persons/" + person).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":%s,"economicStatus":"%s",
                         "livingSituation":[],"status":"ACTIVE","version":%d}
                        """.formatted(idNumbers.get(person), current.get("name").asString(), VILLAGE,
                        current.get("localHukou").asBoolean(), economicStatus, current.get("version").asInt())));
        if (result.andReturn().getResponse().getStatus() != 200) {
            throw new AssertionError("person not changed: "
                    + result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
    }

    /** Records a GB/T 42195-2022 assessment giving the level (0 to 3). */
    public void assess(long person, String on, int level) throws Exception {
        Map<String, Integer> scores = new LinkedHashMap<>();
        AssessmentItems.standard().all().forEach(item -> scores.put(item.code(), item.maxScore()));
        int riskEvents = 0;
        if (level == 1) {
            scores.put("B.1.1", 0);
            scores.put("B.1.3", 0);
            scores.put("B.4.1", 0);
        } else if (level >= 2) {
            AssessmentItems.standard().all().stream().filter(i -> i.group().equals("B.1"))
                    .forEach(i -> scores.put(i.code(), 0));
            riskEvents = level == 3 ? 2 : 0;
        }
        String items = scores.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        var result = asAdmin("POST", "/api/v1/assessments", """
                {"personId":%d,"assessedOn":"%s","reason":"FIRST","place":"家中","assessors":["张评估","李评估"],
                 "items":%s,"coma":false,"diagnoses":[],"riskEventsLast30Days":%d}
                """.formatted(person, on, items, riskEvents));
        JsonNode body = body(result);
        if (result.andReturn().getResponse().getStatus() != 201 || body.get("finalLevel").asInt() != level) {
            throw new AssertionError("assessment not as planned: " + body);
        }
    }

    /** Starts (or re-runs) a month as the given user and waits until it is computed; returns the run. */
    public JsonNode run(String user, String password, String programme, String month) throws Exception {
        ResultActions started = send(user, password, "POST", "/api/v1/subsidies/runs",
                "{\"programme\":\"%s\",\"month\":\"%s\"}".formatted(programme, month));
        if (started.andReturn().getResponse().getStatus() != 202) {
            throw new AssertionError("run not started: "
                    + started.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return awaitRun(body(started).get("id").asLong());
    }

    public JsonNode run(String programme, String month) throws Exception {
        return run(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD, programme, month);
    }

    public JsonNode awaitRun(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode run = body(asAdmin("GET", "/api/v1/subsidies/runs/" + id, null));
            String status = run.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("run " + id + " did not finish: " + run);
            }
            Thread.sleep(50);
        }
    }
}
