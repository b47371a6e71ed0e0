package org.yilaoyixiao.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.exchange.ExchangeFixtures;

/** 政策找人: the scan finds people who qualify but are not enrolled, with reasons; notices and outcomes. */
@org.yilaoyixiao.support.PlatformTest
class OutreachScanTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ExchangeFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ExchangeFixtures(mvc, json);
    }

    private Optional<JsonNode> caseOf(long person, String programme) throws Exception {
        JsonNode page = fixtures.get("/api/v1/outreach?programme=" + programme + "&division=" + ExchangeFixtures.VILLAGE
                + "&size=200");
        for (JsonNode item : page.get("items")) {
            if (item.get("personId").asLong() == person) {
                return Optional.of(item);
            }
        }
        if (page.get("totalElements").asLong() > 200) {
            throw new AssertionError("more than one page in the test village");
        }
        return Optional.empty();
    }

    private void scan() throws Exception {
        fixtures.admin(post("/api/v1/outreach/scan")).andExpect(status().isOk());
    }

    @Test
    void theScanFindsANinetyYearOldNotReceivingTheServiceSubsidyWithTheReason() throws Exception {
        LocalDate today = LocalDate.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE);
        ExchangeFixtures.Person ninety = fixtures.person("九十未领", today.minusYears(90).minusDays(3), false, "NONE");
        ExchangeFixtures.Person younger = fixtures.person("八十九岁", today.minusYears(89), false, "NONE");
        scan();

        JsonNode found = caseOf(ninety.id(), "ELDERLY_SERVICE_SUBSIDY").orElseThrow();
        assertThat(found.get("reasons").get(0).asString()).isEqualTo("AGE_90");
        assertThat(found.get("reasons").size()).isEqualTo(1);
        assertThat(found.get("status").asString()).isEqualTo("OPEN");
        assertThat(found.get("trace").get("facts").get("age").asInt()).isEqualTo(90);
        assertThat(found.get("trace").get("enrolment").get("receiving").asBoolean()).isFalse();
        assertThat(caseOf(younger.id(), "ELDERLY_SERVICE_SUBSIDY")).isEmpty();

        // the home page's tree counts the open cases per programme
        assertThat(fixtures.page("/home")).contains("应享未享·养老服务补贴").contains("应纳未纳·探访关爱");

        // the worklist page of the township shows the person with the reason in Chinese
        String page = fixtures.page("/outreach?programme=ELDERLY_SERVICE_SUBSIDY&division=331121001");
        assertThat(page).contains("九十未领").contains("年满 90 周岁");

        // a township clerk elsewhere sees neither the case nor another township's list
        String ounan = org.yilaoyixiao.support.Accounts.create(mvc, "TOWNSHIP_STAFF",
                org.yilaoyixiao.support.PlatformTest.OUNAN);
        JsonNode theirs = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/outreach?programme=ELDERLY_SERVICE_SUBSIDY&size=200")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(ounan, org.yilaoyixiao.support.Accounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(theirs.get("items").findValuesAsString("divisionCode"))
                .allMatch(code -> code.startsWith(org.yilaoyixiao.support.PlatformTest.OUNAN));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/outreach?division=" + ExchangeFixtures.VILLAGE)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(ounan, org.yilaoyixiao.support.Accounts.PASSWORD)))
                .andExpect(status().isForbidden());

        // a printed letter, then the outcome
        long id = found.get("id").asLong();
        assertThat(fixtures.page("/outreach/" + id + "/letter")).contains("九十未领").contains("养老服务补贴告知书");
        fixtures.admin(post("/api/v1/outreach/" + id + "/notices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"LETTER\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("NOTIFIED"))
                .andExpect(jsonPath("$.notices").value(1));
        fixtures.admin(post("/api/v1/outreach/" + id + "/notices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"SMS\"}"))
                .andExpect(status().isConflict());
        fixtures.admin(post("/api/v1/outreach/" + id + "/outcome").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"APPLIED\",\"note\":\"家属已到村里申请\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));
        fixtures.admin(post("/api/v1/outreach/" + id + "/outcome").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest());
        // a later scan keeps the recorded outcome
        scan();
        assertThat(caseOf(ninety.id(), "ELDERLY_SERVICE_SUBSIDY").orElseThrow().get("status").asString())
                .isEqualTo("APPLIED");
        JsonNode timeline = fixtures.get("/api/v1/persons/" + ninety.id() + "/timeline");
        assertThat(timeline.findValuesAsString("kind")).contains("FOUND", "NOTICE", "OUTCOME", "REGISTERED");
    }

    @Test
    void aNewLowIncomeStatusFromTheAssistanceFeedRechecksEligibilityAtOnce() throws Exception {
        LocalDate today = LocalDate.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE);
        ExchangeFixtures.Person elder = fixtures.person("八十待低保", today.minusYears(81), true, "NONE");
        scan();
        assertThat(caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY")).isEmpty();

        fixtures.feed("assistance", """
                [{"recordId":"%s","type":"STATUS_CHANGE","idNumber":"%s","effectiveDate":"%s",
                  "economicStatus":"MINIMUM_LIVING"}]
                """.formatted("outreach-" + System.nanoTime(), elder.idNumber(), today))
                .andExpect(status().isAccepted());
        ExchangeFixtures.await("the re-check after the status change", () -> {
            try {
                return caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY").isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode found = caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY").orElseThrow();
        assertThat(found.get("reasons").get(0).asString()).isEqualTo("LOW_INCOME_AGE_80");
        assertThat(found.get("trace").get("facts").get("economicStatus").asString()).isEqualTo("MINIMUM_LIVING");
    }

    @Test
    void anSmsGoesToTheFamilysEmergencyContactThroughTheNotificationsOutbox() throws Exception {
        LocalDate today = LocalDate.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE);
        ExchangeFixtures.Person elder = fixtures.person("短信通知", today.minusYears(92), false, "NONE");
        fixtures.admin(post("/api/v1/persons/" + elder.id() + "/contacts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"儿子\",\"relation\":\"SON\",\"phone\":\"13900001111\","
                                + "\"emergency\":true}"))
                .andExpect(status().isCreated());
        scan();
        long id = caseOf(elder.id(), "ELDERLY_SERVICE_SUBSIDY").orElseThrow().get("id").asLong();
        fixtures.admin(post("/api/v1/outreach/" + id + "/notices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"SMS\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("NOTIFIED"));
        assertThat(jdbc.sql("select recipient || ' ' || body from notifications.message where reference = :r")
                .param("r", "outreach:" + id).query(String.class).single())
                .startsWith("13900001111").contains("短信通知").contains("养老服务补贴");
    }

    @Test
    void aDisabledLowIncomeElderOutsideTheMonthsVisitListIsFoundAtTheLevelVisitsUses() throws Exception {
        LocalDate today = LocalDate.now(org.yilaoyixiao.platform.time.BusinessTime.ZONE);
        // the month's visit list exists before these two are registered, so neither is on it
        fixtures.admin(post("/api/v1/visits/plans/" + java.time.YearMonth.from(today)))
                .andExpect(status().isOk());
        ExchangeFixtures.Person mild = fixtures.person("低保轻度失能", today.minusYears(70), true, "NONE");
        ExchangeFixtures.Person intact = fixtures.person("低保能力完好", today.minusYears(70), true, "NONE");
        org.yilaoyixiao.subsidies.SubsidyFixtures assessments = new org.yilaoyixiao.subsidies.SubsidyFixtures(mvc, json);
        assessments.assess(mild.id(), today.minusDays(2).toString(), 1);
        assessments.assess(intact.id(), today.minusDays(2).toString(), 0);
        // an assessment into a higher tier plans the month again (visits' AssessedTierRaise, after commit): wait for
        // it, then make both low-income — a change the month's list does not follow until the next plan
        awaitListener("AssessedTierRaise");
        becomeMinimumLiving(mild);
        becomeMinimumLiving(intact);
        scan();
        // 失能 for visits is the level in force in visits' dated parameters (level 1, ADR 0019), not a copy of it
        JsonNode found = caseOf(mild.id(), "VISITS").orElseThrow();
        assertThat(found.get("reasons").toString()).contains("DISABLED").contains("MINIMUM_LIVING");
        assertThat(found.get("trace").get("facts").get("disabilityMinLevel").asInt()).isEqualTo(1);
        assertThat(caseOf(intact.id(), "VISITS")).isEmpty();
    }

    private void becomeMinimumLiving(ExchangeFixtures.Person person) throws Exception {
        JsonNode current = json.readTree(fixtures.admin(get("/api/v1/persons/" + person.id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        fixtures.admin(put("/api/v1/persons/" + person.id()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","name":"%s","residenceDivisionCode":"%s","localHukou":true,
                         "economicStatus":"MINIMUM_LIVING","version":%d}
                        """.formatted(person.idNumber(), current.get("name").asString(),
                        current.get("residenceDivisionCode").asString(), current.get("version").asInt())))
                .andExpect(status().isOk());
    }

    /** Waits (up to a minute) until the listener has no publication left to handle: a condition, not a delay. */
    private void awaitListener(String listener) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like :l")
                .param("l", "%" + listener + "%").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the listener " + listener + " did not finish");
            }
            Thread.sleep(50);
        }
    }

}
