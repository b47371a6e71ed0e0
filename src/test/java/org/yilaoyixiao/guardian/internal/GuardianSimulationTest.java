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
 * Simulated streams of many elders over three days, with injected incidents, through the real ingestion path, the
 * database timers and the alerts: every injected incident must be alerted (recall) and nothing else (precision).
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

    @Test
    void everyInjectedIncidentIsAlertedOnceAndNormalDaysStayQuiet() throws Exception {
        PlacementFixtures fixtures = new PlacementFixtures(mvc, json);
        LocalDate today = LocalDate.now(GuardianSimulator.ZONE);
        GuardianSimulator.Stream stream = GuardianSimulator.generate("sim" + UUID.randomUUID().toString().substring(0, 6),
                16, today.minusDays(3), 3, 8, 20261129L);
        Map<Integer, Long> personOf = new HashMap<>();
        for (GuardianSimulator.Elder elder : stream.elders()) {
            long person = fixtures.elder("模拟老人" + elder.index());
            personOf.put(elder.index(), person);
            devices.register(elder.watch(), DeviceType.GPS_WATCH, person, PlacementFixtures.VILLAGE, "simulator");
            devices.register(elder.water(), DeviceType.WATER_METER, person, PlacementFixtures.VILLAGE, "simulator");
            devices.register(elder.door(), DeviceType.DOOR_SENSOR, person, PlacementFixtures.VILLAGE, "simulator");
            devices.register(elder.power(), DeviceType.POWER_METER, person, PlacementFixtures.VILLAGE, "simulator");
            jdbc.sql("insert into guardian.safe_zone (person_id, name, lat, lon, radius_meters, created_by)"
                            + " values (:p, '家', :lat, :lon, :r, 'simulator')").param("p", person)
                    .param("lat", elder.homeLat()).param("lon", elder.homeLon())
                    .param("r", GuardianSimulator.HOME_RADIUS).update();
        }

        // replay hour by hour, sweeping the timers at the end of each hour of the stream
        int accepted = 0;
        List<RawReading> hour = new ArrayList<>();
        Instant hourEnd = null;
        for (GuardianSimulator.Event event : stream.events()) {
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
        assertThat(accepted).isEqualTo(stream.events().size());

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
        log.info("Guardian simulation: {} elders, {} readings, {} injected incidents, {} alerts; precision {} %, "
                        + "recall {} %", stream.elders().size(), stream.events().size(), expected.size(),
                alerted.size(), Math.round(precision * 100), Math.round(recall * 100));
        assertThat(missed).as("injected incidents not alerted (recall)").isEmpty();
        assertThat(extra).as("alerts without an incident (precision)").isEmpty();
        // one alert per incident, however many readings kept triggering it
        assertThat(jdbc.sql("select count(*) from guardian.alert where person_id in (:people)")
                .param("people", personOf.values()).query(Integer.class).single()).isEqualTo(expected.size());
    }
}
