package org.yilaoyixiao.guardian.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.yilaoyixiao.guardian.AlertType;

/**
 * Realistic device streams for N elders over days, with injected incidents, for demos, tests and benchmarks. Each elder
 * lives in a mountain-village house with a GPS watch (heartbeat every 30 minutes, a position every 20 minutes in waking
 * hours, an afternoon walk to the village shop about 250 m away; every second elder also goes to the morning market
 * 900 m away from about 07:20 to 08:40) and water, door and power meters (washing — water — and the kettle — power —
 * within the first 40 minutes of getting up, then signs of life every one to two hours until bedtime, hourly
 * heartbeats). Incidents: an SOS, a fall, wandering (1.5 km away for 90 minutes in the early afternoon), a morning with
 * no sign of life at home, and the market trip at 3 a.m. (given to an elder who goes to the market). Seeded: the same
 * seed gives the same stream.
 */
final class GuardianSimulator {

    static final ZoneId ZONE = org.yilaoyixiao.platform.time.BusinessTime.ZONE;
    static final int HOME_RADIUS = 150;
    static final int MARKET_METRES = 900;
    /** The local time of the injected night trip to the market (a WANDERING incident). */
    static final LocalTime NIGHT_TRIP = LocalTime.of(3, 0);
    private static final double METRES_PER_DEGREE = 111_195.0;

    record Elder(int index, double homeLat, double homeLon, String watch, String water, String door, String power) {
        List<String> devices() {
            return List.of(watch, water, door, power);
        }
    }

    record Incident(int elder, AlertType type, Instant at) {
    }

    /** A reading of elder {@code elder}, in the form gateways send. */
    record Event(int elder, RawReading reading, Instant at) {
    }

    record Stream(List<Elder> elders, List<Event> events, List<Incident> incidents) {
    }

    private GuardianSimulator() {
    }

    /**
     * @param prefix    device ids start with it (unique per run)
     * @param firstDay  the first local day simulated; the stream ends at the start of {@code firstDay + days}
     * @param incidents how many incidents to inject, cycling through the four kinds, each on its own elder, from day 2
     */
    static Stream generate(String prefix, int elders, LocalDate firstDay, int days, int incidents, long seed) {
        return generate(prefix, elders, firstDay, days, incidents, seed, 1);
    }

    /** Whether the elder goes to the morning market (every second one). */
    static boolean goesToMarket(int elder) {
        return elder % 2 == 0;
    }

    /**
     * @param incidentsFrom the first day (0-based) incidents may fall on: the days before are plain history to learn
     *                      routines from
     */
    static Stream generate(String prefix, int elders, LocalDate firstDay, int days, int incidents, long seed,
                           int incidentsFrom) {
        Random random = new Random(seed);
        List<Elder> people = new ArrayList<>();
        for (int i = 0; i < elders; i++) {
            double lat = 28.05 + random.nextDouble() * 0.3;
            double lon = 119.95 + random.nextDouble() * 0.4;
            String base = prefix + "-" + i;
            people.add(new Elder(i, lat, lon, base + "-watch", base + "-water", base + "-door", base + "-power"));
        }
        List<Incident> injected = new ArrayList<>();
        // the fifth kind is the market trip at night: a WANDERING incident of an elder who goes to the market
        AlertType[] kinds = {AlertType.SOS, AlertType.FALL, AlertType.WANDERING, AlertType.HOME_INACTIVITY,
                AlertType.WANDERING};
        for (int n = 0; n < incidents && n < elders; n++) {
            int day = incidentsFrom + random.nextInt(Math.max(1, days - incidentsFrom));
            AlertType kind = kinds[n % kinds.length];
            boolean nightTrip = n % kinds.length == 4 && goesToMarket(n);
            LocalTime time = switch (kind) {
                case WANDERING -> nightTrip ? NIGHT_TRIP : LocalTime.of(12, 40);
                case HOME_INACTIVITY -> LocalTime.of(11, 0);
                default -> LocalTime.of(9 + random.nextInt(9), random.nextInt(60));
            };
            if (n % kinds.length == 4 && !nightTrip) {
                continue;
            }
            injected.add(new Incident(n, kind, firstDay.plusDays(day).atTime(time).atZone(ZONE).toInstant()));
        }
        List<Event> events = new ArrayList<>();
        long[] seq = new long[elders * 4];
        for (Elder elder : people) {
            for (int day = 0; day < days; day++) {
                LocalDate date = firstDay.plusDays(day);
                day(elder, date, injected, random, events, seq);
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return new Stream(people, events, injected);
    }

    private static void day(Elder elder, LocalDate date, List<Incident> injected, Random random, List<Event> events,
                            long[] seq) {
        Incident incident = injected.stream().filter(i -> i.elder() == elder.index()
                && i.at().atZone(ZONE).toLocalDate().equals(date)).findFirst().orElse(null);
        AlertType kind = incident == null ? null : incident.type();
        boolean nightTrip = incident != null && incident.at().atZone(ZONE).toLocalTime().equals(NIGHT_TRIP);
        // heartbeats: watch every 30 minutes, meters every hour, all day and night
        for (int minute = 0; minute < 24 * 60; minute += 30) {
            Instant at = at(date, minute, random.nextInt(60));
            add(events, elder, 0, elder.watch(), "HEARTBEAT", at, null, null, seq);
            if (minute % 60 == 0) {
                add(events, elder, 1, elder.water(), "HEARTBEAT", at.plusSeconds(30), null, null, seq);
                add(events, elder, 2, elder.door(), "HEARTBEAT", at.plusSeconds(60), null, null, seq);
                add(events, elder, 3, elder.power(), "HEARTBEAT", at.plusSeconds(90), null, null, seq);
            }
        }
        // signs of life at home from getting up (06:10–06:50) to bedtime (20:30–21:30), every 60–110 minutes
        int wake = 6 * 60 + 10 + random.nextInt(40);
        int bed = 20 * 60 + 30 + random.nextInt(60);
        int quietUntil = kind == AlertType.HOME_INACTIVITY ? 15 * 60 : -1;
        if (quietUntil < 0) {
            // the morning routine: washing (water), then the kettle (power)
            add(events, elder, 1, elder.water(), "WATER", at(date, wake + 5 + random.nextInt(10), random.nextInt(60)),
                    null, null, seq);
            add(events, elder, 3, elder.power(), "POWER", at(date, wake + 20 + random.nextInt(20),
                    random.nextInt(60)), null, null, seq);
        }
        for (int minute = wake + 60; minute <= bed; minute += 60 + random.nextInt(50)) {
            if (minute < quietUntil) {
                continue;
            }
            int which = 1 + random.nextInt(3);
            String device = which == 1 ? elder.water() : which == 2 ? elder.door() : elder.power();
            String type = which == 1 ? "WATER" : which == 2 ? "DOOR" : "POWER";
            add(events, elder, which, device, type, at(date, minute, random.nextInt(60)), null, null, seq);
        }
        // positions in waking hours: at home, the market (900 m) 07:20–08:40 for every second elder, a walk to the
        // shop (250 m) 14:00–15:00, wandering if injected
        for (int minute = 6 * 60 + 5; minute < 22 * 60; minute += 20) {
            double metres = random.nextDouble() * 40;
            if (goesToMarket(elder.index()) && minute >= 7 * 60 + 20 && minute < 8 * 60 + 40) {
                metres = MARKET_METRES - 20 + random.nextDouble() * 40;
            }
            if (minute >= 14 * 60 && minute < 15 * 60) {
                metres = 240 + random.nextDouble() * 20;
            }
            if (kind == AlertType.WANDERING && !nightTrip && minute >= 12 * 60 + 40 && minute < 14 * 60 + 10) {
                metres = 1500 + random.nextDouble() * 300;
            }
            add(events, elder, 0, elder.watch(), "LOCATION", at(date, minute, random.nextInt(30)),
                    elder.homeLat() + metres / METRES_PER_DEGREE, elder.homeLon(), seq);
        }
        if (nightTrip) {
            // the same trip to the market, at 3 a.m.
            for (int minute = 3 * 60; minute <= 4 * 60; minute += 20) {
                add(events, elder, 0, elder.watch(), "LOCATION", at(date, minute, random.nextInt(30)),
                        elder.homeLat() + (MARKET_METRES - 20 + random.nextDouble() * 40) / METRES_PER_DEGREE,
                        elder.homeLon(), seq);
            }
            add(events, elder, 0, elder.watch(), "LOCATION", at(date, 4 * 60 + 20, random.nextInt(30)),
                    elder.homeLat() + random.nextDouble() * 40 / METRES_PER_DEGREE, elder.homeLon(), seq);
        }
        if (kind == AlertType.SOS) {
            add(events, elder, 0, elder.watch(), "SOS", incident.at(), null, null, seq);
        }
        if (kind == AlertType.FALL) {
            add(events, elder, 0, elder.watch(), "FALL", incident.at(), null, null, seq);
        }
    }

    private static Instant at(LocalDate date, int minute, int second) {
        return date.atStartOfDay(ZONE).toInstant().plus(Duration.ofMinutes(minute)).plusSeconds(second);
    }

    private static void add(List<Event> events, Elder elder, int device, String deviceId, String type, Instant at,
                            Double lat, Double lon, long[] seq) {
        long n = ++seq[elder.index() * 4 + device];
        events.add(new Event(elder.index(), new RawReading(deviceId, type, at.toString(), n, lat, lon, null, null), at));
    }
}
