package org.yilaoyixiao.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.support.PlatformTest;

@PlatformTest
class EnrolmentApiTest {

    static final String FROM = "2026-03-01";
    /** Seven months old on {@link #FROM}: an infant class age. */
    static final LocalDate INFANT = LocalDate.of(2025, 8, 1);
    /** Fifteen months old on {@link #FROM}. */
    static final LocalDate TODDLER = LocalDate.of(2024, 12, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlacementStatistics statistics;

    PlacementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlacementFixtures(mvc, json);
    }

    private long enrolledIn(long classId) {
        return jdbc.sql("select count(*) from placement.enrolment where class_id = :id and to_date is null")
                .param("id", classId).query(Long.class).single();
    }

    private record Setup(long provider, long classId) {
    }

    private Setup infantClass(String name, int slots, int capacity, int carers) throws Exception {
        JsonNode provider = fixtures.provider(name, slots, "[{\"type\":\"INFANT\",\"capacity\":%d}]".formatted(capacity));
        Setup setup = new Setup(provider.get("id").asLong(), provider.get("classes").get(0).get("id").asLong());
        if (carers > 0) {
            fixtures.carers(setup.provider(), setup.classId(), carers);
        }
        return setup;
    }

    @Test
    void theChildsAgeMustFitTheClassType() throws Exception {
        Setup s = infantClass("月龄托育园", 10, 10, 4);
        fixtures.enrol(fixtures.child("大宝", TODDLER), s.provider(), s.classId(), FROM)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("AGE_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.detail").value("大宝 入托日月龄为 15 个月，不符合该班级的年龄要求（6 至 12 个月以下）。"));
        assertThat(enrolledIn(s.classId())).isZero();
        fixtures.enrol(fixtures.child("小宝", INFANT), s.provider(), s.classId(), FROM).andExpect(status().isCreated());
    }

    @Test
    void aFullClassRefusesWithNothingChangedAndAWithdrawalFreesThePlace() throws Exception {
        Setup s = infantClass("满班托育园", 10, 2, 1);
        long first = fixtures.id(fixtures.enrol(fixtures.child("一宝", INFANT), s.provider(), s.classId(), FROM)
                .andExpect(status().isCreated()));
        fixtures.enrol(fixtures.child("二宝", INFANT), s.provider(), s.classId(), FROM).andExpect(status().isCreated());
        long third = fixtures.child("三宝", INFANT);
        fixtures.enrol(third, s.provider(), s.classId(), FROM)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"))
                .andExpect(jsonPath("$.detail").value("该班级已满：班额 2 人，在托 2 人，不能再入托。"));
        assertThat(enrolledIn(s.classId())).isEqualTo(2);

        fixtures.send(post("/api/v1/enrolments/" + first + "/withdraw"), "{\"on\":\"2026-04-01\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("2026-04-01"));
        fixtures.send(post("/api/v1/enrolments/" + first + "/withdraw"), "{\"on\":\"2026-04-01\"}")
                .andExpect(status().isOk());
        assertThat(statistics.enrolledInClass(s.classId())).isEqualTo(1);
        fixtures.enrol(third, s.provider(), s.classId(), "2026-04-02").andExpect(status().isCreated());
        assertThat(statistics.enrolledWithProvider(s.provider())).isEqualTo(2);
    }

    @Test
    void twoConcurrentEnrolmentsCannotBothTakeTheLastPlace() throws Exception {
        Setup s = infantClass("并发托育园", 10, 1, 1);
        long[] children = {fixtures.child("并发甲宝", INFANT), fixtures.child("并发乙宝", INFANT)};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (long child : children) {
                results.add(pool.submit(() -> {
                    start.await();
                    return fixtures.enrol(child, s.provider(), s.classId(), FROM).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(enrolledIn(s.classId())).isEqualTo(1);
    }

    @Test
    void theCarerRatioHoldsAndCarersMustBeRecorded() throws Exception {
        Setup unrecorded = infantClass("无保育员托育园", 10, 10, 0);
        fixtures.enrol(fixtures.child("四宝", INFANT), unrecorded.provider(), unrecorded.classId(), FROM)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RATIO_BREACHED"))
                .andExpect(jsonPath("$.detail").value(
                        "该班级尚未登记保育人员人数，无法核对师幼配比，请先登记保育人员后再办理入托。"));

        Setup s = infantClass("配比托育园", 10, 10, 1);
        for (int i = 0; i < 3; i++) {
            fixtures.enrol(fixtures.child("配比宝" + i, INFANT), s.provider(), s.classId(), FROM)
                    .andExpect(status().isCreated());
        }
        fixtures.enrol(fixtures.child("第四宝", INFANT), s.provider(), s.classId(), FROM)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RATIO_BREACHED"))
                .andExpect(jsonPath("$.detail").value(
                        "保育人员配比不足：该班有 1 名保育人员、在托 3 名幼儿，再收一名将超过国家规定的师幼比。"));
        assertThat(enrolledIn(s.classId())).isEqualTo(3);
    }

    @Test
    void theProvidersApprovedSlotsAreNotExceeded() throws Exception {
        Setup s = infantClass("托位托育园", 10, 10, 4);
        fixtures.enrol(fixtures.child("托位一宝", INFANT), s.provider(), s.classId(), FROM).andExpect(status().isCreated());
        // the approval was cut to a single slot after the classes were set up
        jdbc.sql("update facilities.childcare_provider set approved_slots = 1 where id = :id")
                .param("id", s.provider()).update();
        fixtures.enrol(fixtures.child("托位二宝", INFANT), s.provider(), s.classId(), FROM)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CAPACITY_EXCEEDED"))
                .andExpect(jsonPath("$.detail").value("该托育机构核定托位 1 个，已入托 1 人，托位已满。"));
        assertThat(enrolledIn(s.classId())).isEqualTo(1);
    }

    @Test
    void aChildIsNotEnrolledTwice() throws Exception {
        Setup s = infantClass("重复托育园", 10, 10, 4);
        long child = fixtures.child("重复宝", INFANT);
        fixtures.enrol(child, s.provider(), s.classId(), FROM).andExpect(status().isCreated());
        fixtures.enrol(child, s.provider(), s.classId(), FROM)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));
    }
}
