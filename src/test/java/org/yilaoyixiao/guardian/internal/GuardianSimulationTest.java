package org.yilaoyixiao.guardian.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yilaoyixiao.placement.PlacementFixtures;
import org.yilaoyixiao.support.PlatformTest;
import tools.jackson.databind.ObjectMapper;

/**
 * Simulated streams of many elders: seven days of history (stored as they would have been) from which each elder's
 * routine is learned, then three days with injected incidents through the real ingestion path, the learned profiles,
 * the database timers and the alerts: every injected incident must be alerted (recall) and nothing else (precision).
 * The learned routine matters: every second elder goes to the market 900 m away each morning for 80 minutes (a usual
 * outing, quiet), and the same trip at 3 a.m. is an injected incident; a morning without water is caught by the
 * learned "water used by" time.
 */
@PlatformTest
class GuardianSimulationTest {

    private static final Logger log = LoggerFactory.getLogger(GuardianSimulationTest.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TelemetryIngestion ingestion;

    @Autowired
    TimerSweeper sweeper;

    @Autowired
    DeviceDirectory devices;

    @Autowired
    RoutineLearning learning;

    @Autowired
    ElderProfiles profiles;

    private static final int HISTORY_DAYS = 7;

    @Test
    void everyInjectedIncidentIsAlertedOnceAndNormalDaysStayQuiet() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        LocalDate today = LocalDate.now(GuardianSimulator.ZONE);
        GuardianSimulator.Stream stream = GuardianSimulator.generate("sim" + UUID.randomUUID().toString().substring(0, 6),
                16, today.minusDays(HISTORY_DAYS + 3), HISTORY_DAYS + 3, 8, 20261129L, HISTORY_DAYS);
        Map<Integer, Long> personOf = new HashMap<>();
        for (GuardianSimulator.Elder elder : stream.elders()) {
            long person = fixtures.elder("模拟老人" + elder.index());
            personOf.put(elder.index(), person);
            devices.register(elder.watch(), DeviceType.GPS_WATCH, person, PlacementFixtures.VILLAGE, "模拟器");
            devices.register(elder.water(), DeviceType.WATER_METER, person, PlacementFixtures.VILLAGE, "模拟器");
            devices.register(elder.door(), DeviceType.DOOR_SENSOR, person, PlacementFixtures.VILLAGE, "模拟器");
            devices.register(elder.power(), DeviceType.POWER_METER, person, PlacementFixtures.VILLAGE, "模拟器");
            jdbc.sql("insert into guardian.safe_zone (person_id, name, lat, lon, radius_meters, created_by)"
                            + " values (:p, '家', :lat, :lon, :r, '模拟器')").param("p", person)
                    .param("lat", elder.homeLat()).param("lon", elder.homeLon())
                    .param("r", GuardianSimulator.HOME_RADIUS).update();
        }

        // the history, stored as ingestion would have stored it, and the routines learned from it (as the night does)
        Instant historyEnd = today.minusDays(3).atStartOfDay(GuardianSimulator.ZONE).toInstant();
        List<GuardianSimulator.Event> history = stream.events().stream().filter(e -> e.at().isBefore(historyEnd))
                .toList();
        storeHistory(history);
        for (long person : personOf.values()) {
            learning.relearn(person);
        }
        for (GuardianSimulator.Elder elder : stream.elders()) {
            var profile = profiles.profile(personOf.get(elder.index()));
            assertThat(profile.home()).as("learned home of elder %d", elder.index()).isNotNull();
            assertThat(profile.waterByMinute()).as("water habit of elder %d", elder.index()).isNotNull();
            assertThat(profile.outings()).as("outings of elder %d", elder.index())
                    .hasSize(GuardianSimulator.goesToMarket(elder.index()) ? 2 : 1);
        }

        // replay the last three days hour by hour, sweeping the timers at the end of each hour of the stream
        int accepted = 0;
        List<RawReading> hour = new ArrayList<>();
        Instant hourEnd = null;
        List<GuardianSimulator.Event> live = stream.events().subList(history.size(), stream.events().size());
        for (GuardianSimulator.Event event : live) {
            Instant end = event.at().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            if (hourEnd != null && !end.equals(hourEnd)) {
                accepted += ingestion.ingest(TelemetryIngestion.Channel.HTTP, null, hour).accepted();
                sweeper.sweepUntil(hourEnd);
                hour = new ArrayList<>();
            }
            hourEnd = end;
            hour.add(event.reading());
        }
        accepted += ingestion.ingest(TelemetryIngestion.Channel.HTTP, null, hour).accepted();
        sweeper.sweepUntil(hourEnd);
        assertThat(accepted).isEqualTo(live.size());

        Set<String> expected = new HashSet<>();
        stream.incidents().forEach(i -> expected.add(personOf.get(i.elder()) + ":" + i.type()));
        Set<String> alerted = new HashSet<>(jdbc.sql("select person_id || ':' || type from guardian.alert"
                        + " where person_id in (:people)").param("people", personOf.values())
                .query(String.class).list());
        Set<String> missed = new HashSet<>(expected);
        missed.removeAll(alerted);
        Set<String> extra = new HashSet<>(alerted);
        extra.removeAll(expected);
        double recall = 1.0 - (double) missed.size() / expected.size();
        double precision = alerted.isEmpty() ? 1.0 : 1.0 - (double) extra.size() / alerted.size();
        log.info("Guardian simulation: {} elders, {} readings of history learned from, {} readings replayed, {} injected"
                        + " incidents, {} alerts; precision {} %, recall {} %", stream.elders().size(), history.size(),
                live.size(), expected.size(),
                alerted.size(), Math.round(precision * 100), Math.round(recall * 100));
        assertThat(stream.incidents()).as("the night trip to the market is among the incidents")
                .anyMatch(i -> i.at().atZone(GuardianSimulator.ZONE).toLocalTime().equals(GuardianSimulator.NIGHT_TRIP));
        assertThat(missed).as("injected incidents not alerted (recall)").isEmpty();
        assertThat(extra).as("alerts without an incident (precision): %s", jdbc.sql("select person_id || ' ' || type"
                        + " || ' ' || details from guardian.alert where person_id in (:people)")
                .param("people", personOf.values()).query(String.class).list()).isEmpty();
        // one alert per incident, however many readings kept triggering it
        assertThat(jdbc.sql("select count(*) from guardian.alert where person_id in (:people)")
                .param("people", personOf.values()).query(Integer.class).single()).isEqualTo(expected.size());
    }

    private void storeHistory(List<GuardianSimulator.Event> history) {
        for (int from = 0; from < history.size(); from += 5000) {
            List<RawReading> chunk = history.subList(from, Math.min(history.size(), from + 5000)).stream()
                    .map(GuardianSimulator.Event::reading).toList();
            jdbc.sql("""
                            insert into guardian.reading (device_id, seq, type, at, lat, lon, value)
                            select d, s, t, a::timestamptz, la, lo, v
                            from unnest(cast(:devices as varchar[]), cast(:seqs as bigint[]), cast(:types as varchar[]),
                                        cast(:ats as varchar[]), cast(:lats as float8[]), cast(:lons as float8[]),
                                        cast(:values as float8[])) as x(d, s, t, a, la, lo, v)
                            """)
                    .param("devices", chunk.stream().map(RawReading::deviceId).toArray(String[]::new))
                    .param("seqs", chunk.stream().map(RawReading::seq).toArray(Long[]::new))
                    .param("types", chunk.stream().map(RawReading::type).toArray(String[]::new))
                    .param("ats", chunk.stream().map(RawReading::at).toArray(String[]::new))
                    .param("lats", chunk.stream().map(RawReading::lat).toArray(Double[]::new))
                    .param("lons", chunk.stream().map(RawReading::lon).toArray(Double[]::new))
                    .param("values", chunk.stream().map(RawReading::value).toArray(Double[]::new)).update();
        }
    }
}
