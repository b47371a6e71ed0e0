package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yilaoyixiao.guardian.detection.ElderProfile;
import org.yilaoyixiao.guardian.detection.SafeZone;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;
import tools.jackson.databind.ObjectMapper;

/**
 * A routine learned from stored history: ten days of a watch and a water meter, relearned on demand through the API,
 * stored (a profile loaded afresh, as after a restart, has it), moved on with the clock (a month later the old days
 * no longer count), and shown on the routine view; the device list shows the devices of the user's scope only.
 */
@PlatformTest
class RoutineLearningTest {

    private static final double HOME_LAT = 28.3100;
    private static final double HOME_LON = 120.2200;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ElderProfiles profiles;

    @AfterEach
    void realTime() {
        ((TestClock) clock).reset();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user, String password) {
        return request.with(httpBasic(user, password)).header("Accept-Language", "zh-CN");
    }

    /** A page request in a session logged in through the login form, as a browser makes it. */
    private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String user, String password)
            throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", user)
                .param("password", password).with(csrf())).andReturn().getRequest().getSession(false);
        return request.session(session).header("Accept-Language", "zh-CN");
    }

    private MockHttpServletRequestBuilder adminPage(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return as(request, PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
    }

    private void store(String device, String type, Instant at, long seq, Double lat, Double lon, Double value) {
        jdbc.sql("insert into guardian.reading (device_id, seq, type, at, lat, lon, value)"
                        + " values (:d, :s, :t, :at, :lat, :lon, :v)").param("d", device).param("s", seq)
                .param("t", type).param("at", TelemetryIngestion.utc(at)).param("lat", lat).param("lon", lon)
                .param("v", value).update();
    }

    @Test
    void aRoutineIsLearnedFromStoredHistoryKeptAndShown() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("规律老人");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String watch = "rw-" + suffix;
        String water = "rm-" + suffix;
        for (String[] d : List.of(new String[] {watch, "GPS_WATCH"}, new String[] {water, "WATER_METER"})) {
            fixtures.send(post("/api/v1/guardian/devices"), """
                    {"deviceId":"%s","type":"%s","personId":%d}""".formatted(d[0], d[1], elder))
                    .andExpect(status().isCreated());
        }
        fixtures.send(post("/api/v1/guardian/safe-zones"), """
                {"personId":%d,"name":"女儿家","lat":28.3300,"lon":120.2400,"radiusMeters":150}""".formatted(elder))
                .andExpect(status().isCreated());

        // ten days before today: home, the market 900 m north 07:20–08:40, water first at 06:30–06:50
        LocalDate today = clock.instant().atZone(BusinessTime.ZONE).toLocalDate();
        long seq = 0;
        for (int d = 10; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            for (int minute = 6 * 60; minute < 21 * 60; minute += 20) {
                boolean market = minute >= 7 * 60 + 20 && minute < 8 * 60 + 40;
                store(watch, "LOCATION", day.atTime(LocalTime.MIN.plusMinutes(minute)).atZone(BusinessTime.ZONE)
                        .toInstant(), ++seq, HOME_LAT + (market ? 900 : d % 3 * 10) / 111_195.0, HOME_LON, null);
            }
            store(water, "WATER", day.atTime(6, 30 + d % 3 * 10).atZone(BusinessTime.ZONE).toInstant(), ++seq,
                    null, null, 15.0);
            store(water, "WATER", day.atTime(18, 0).atZone(BusinessTime.ZONE).toInstant(), ++seq, null, null, 25.0);
        }
        // before learning: nothing stored, the manual zone only
        assertThat(profiles.profile(elder).safeZones()).extracting(SafeZone::name).containsExactly("女儿家");

        mvc.perform(admin(post("/api/v1/guardian/persons/" + elder + "/routine/relearn")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(10))
                .andExpect(jsonPath("$.places.length()").value(2))
                .andExpect(jsonPath("$.places[0].source").value("LEARNED_HOME"))
                .andExpect(jsonPath("$.places[1].source").value("LEARNED_PLACE"))
                .andExpect(jsonPath("$.outings.length()").value(1))
                .andExpect(jsonPath("$.waterByMinute").value(7 * 60))
                .andExpect(jsonPath("$.waterCurve[23]").value(40.0));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where type = 'GUARDIAN_ROUTINE_RELEARNED'"
                        + " and target = :t").param("t", "person:" + elder).query(Integer.class).single())
                .isEqualTo(1);

        // stored: a profile loaded afresh (as after a restart) has the learned routine beside the manual zone
        profiles.forget(elder);
        ElderProfile profile = profiles.profile(elder);
        assertThat(profile.safeZones()).extracting(SafeZone::source).containsExactly(SafeZone.Source.MANUAL,
                SafeZone.Source.LEARNED_HOME, SafeZone.Source.LEARNED_PLACE);
        assertThat(profile.home().distanceOutside(HOME_LAT, HOME_LON)).isNegative();
        assertThat(profile.activeAt(7)).isTrue();
        assertThat(profile.activeAt(2)).isFalse();
        assertThat(profile.outings()).hasSize(1);
        assertThat(profile.waterByMinute()).isEqualTo(7 * 60);

        // the routine view shows places, hours, the water habit, the outing, the manual zone and when it was learned
        mvc.perform(adminPage(get("/guardian/persons/" + elder + "/routine")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"learned-places\"")))
                .andExpect(content().string(containsString("常去地点 1")))
                .andExpect(content().string(containsString("通常 07:00 前已用水")))
                .andExpect(content().string(containsString("id=\"outings\"")))
                .andExpect(content().string(containsString("女儿家")))
                .andExpect(content().string(containsString("最近学习：")))
                .andExpect(content().string(containsString("data-routine=")))
                .andExpect(content().string(containsString("/js/guardian-routine.js")))
                .andExpect(content().string(not(containsString("规律老人"))));

        // kept up to date: a month on, the old days fall out of the window and nothing is learned from them
        ((TestClock) clock).advance(Duration.ofDays(30));
        mvc.perform(adminPage(post("/guardian/persons/" + elder + "/routine/relearn")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(admin(get("/api/v1/guardian/persons/" + elder + "/routine")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(0))
                .andExpect(jsonPath("$.places.length()").value(0))
                .andExpect(jsonPath("$.waterByMinute").doesNotExist());
        assertThat(profiles.profile(elder).safeZones()).extracting(SafeZone::name).containsExactly("女儿家");
    }

    @Autowired
    org.yilaoyixiao.assessment.CapabilityLevels levels;

    @Autowired
    GuardianSettings settings;

    @Autowired
    RoutineStore routines;

    @Test
    void theProfileCacheIsBounded() {
        ElderProfiles small = new ElderProfiles(jdbc, levels, settings, routines, clock, 2);
        for (long person = 9_000_001; person <= 9_000_005; person++) {
            small.profile(person);
        }
        assertThat(small.cached()).isEqualTo(2);
    }

    @Test
    void theDeviceListShowsTheScopesDevicesWithTheElderMaskedAndLinksToTheRoutine() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        long elder = fixtures.elder("设备老人");
        String badge = "badge-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.send(post("/api/v1/guardian/devices"), """
                {"deviceId":"%s","type":"GPS_BADGE","personId":%d}""".formatted(badge, elder))
                .andExpect(status().isCreated());
        jdbc.sql("update guardian.device set battery = 12, last_seen_at = now(), offline = true where device_id = :d")
                .param("d", badge).update();

        mvc.perform(adminPage(get("/guardian/devices?type=GPS_BADGE&status=LOW_BATTERY&township=331121001")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-device=\"" + badge + "\"")))
                .andExpect(content().string(containsString("设**人")))
                .andExpect(content().string(not(containsString("设备老人"))))
                .andExpect(content().string(containsString("12%")))
                .andExpect(content().string(containsString("/guardian/persons/" + elder + "/routine")));
        // other filters leave it out
        mvc.perform(adminPage(get("/guardian/devices?type=WATER_METER")))
                .andExpect(content().string(not(containsString(badge))));
        mvc.perform(adminPage(get("/guardian/devices?status=ONLINE&type=GPS_BADGE")))
                .andExpect(content().string(not(containsString(badge))));

        // a township's staff see their own township only
        String other = Accounts.create(mvc, "TOWNSHIP_STAFF", "331121002");
        mvc.perform(page(get("/guardian/devices"), other, Accounts.PASSWORD)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(badge))));
        mvc.perform(page(get("/guardian/persons/" + elder + "/routine"), other, Accounts.PASSWORD))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到或无权查看")));
        mvc.perform(as(get("/api/v1/guardian/persons/" + elder + "/routine"), other, Accounts.PASSWORD))
                .andExpect(status().isNotFound());
        String own = Accounts.create(mvc, "TOWNSHIP_STAFF", "331121001");
        mvc.perform(page(get("/guardian/devices"), own, Accounts.PASSWORD)).andExpect(status().isOk())
                .andExpect(content().string(containsString(badge)));
    }

}
