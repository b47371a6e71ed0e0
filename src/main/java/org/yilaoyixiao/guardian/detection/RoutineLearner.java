package org.yilaoyixiao.guardian.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns an elder's routine from their readings over the last days: a pure function of the readings (no Spring, no
 * database), so it is unit-tested on scripted histories and could run as a batch job anywhere.
 * <ul>
 *   <li><b>Places</b>: positions clustered into circles (a position joins the nearest place within 100 m), with the
 *   time spent there (each position counts until the next one, at most 30 minutes), on how many days, and in which
 *   hours. A place needs three days and an hour in all. <b>Home</b> is the place where the days begin and end (the
 *   first and last position of each day, and positions at night).</li>
 *   <li><b>Active hours</b>: the hours in which the elder showed signs of life at home or was away from home on at
 *   least 15 % of the days, widened by an hour each side — only for an elder with home sensors (door, water, power,
 *   motion) reporting on enough days, else the hours away alone would pass for the whole day.</li>
 *   <li><b>Water and power curves</b>: the mean cumulative use by each hour of the day, and "used by": the hour by
 *   which the elder has used it on nine days in ten (only for mornings: by noon at the latest).</li>
 *   <li><b>Outings</b>: trips away from home grouped by the time they start (within 90 minutes); a group seen on 30 %
 *   of the days (and at least three) is a usual outing, its window from its lower-quartile start to its upper-quartile
 *   return (± 30 minutes) and its range the upper quartile of how far it went — so a one-off (an incident) in the
 *   history neither becomes a place nor stretches an outing.</li>
 *   <li><b>Normal gap</b>: the longest gap between signs of life in waking time (as the inactivity timer counts it,
 *   so the evening before bed and the morning before getting up count, the night does not) on nine days in ten, plus
 *   a quarter.</li>
 * </ul>
 * With fewer than {@code minDays} days of history nothing but the curves is learned.
 */
public final class RoutineLearner {

    public static final String HOME = "home";
    static final int PLACE_RADIUS = 100;
    private static final int MAX_CLUSTERS = 100;
    private static final int MAX_PLACES = 5;
    private static final Duration MAX_DWELL = Duration.ofMinutes(30);
    private static final Duration MIN_PLACE_DWELL = Duration.ofHours(1);
    private static final int MIN_PLACE_DAYS = 3;
    private static final int LATEST_USUAL_USE = 12 * 60;

    private final DetectionSettings settings;
    private final ZoneId zone;
    private final int minDays;

    public RoutineLearner(DetectionSettings settings, int minDays) {
        this.settings = settings;
        this.zone = settings.zone();
        this.minDays = minDays;
    }

    private static final class Cluster {
        double lat;
        double lon;
        int count;
        long dwellSeconds;
        int nightWeight;
        double maxDistance;
        final Set<LocalDate> days = new HashSet<>();
        final Set<Long> dayHours = new HashSet<>();

        void add(double pointLat, double pointLon) {
            count++;
            lat += (pointLat - lat) / count;
            lon += (pointLon - lon) / count;
        }
    }

    private record Position(Instant at, LocalDate day, int hour, double lat, double lon, long dwellSeconds,
                            boolean dayEdge) {
    }

    public LearnedRoutine learn(List<Reading> history) {
        List<Reading> readings = history.stream().sorted(Comparator.comparing(Reading::at)).toList();
        List<LocalDate> days = readings.stream().map(r -> day(r.at())).distinct().sorted().toList();
        int n = days.size();
        boolean enough = n >= minDays;
        List<Position> positions = positions(readings);
        List<SafeZone> places = enough ? places(positions) : List.of();
        SafeZone home = places.isEmpty() || places.get(0).source() != SafeZone.Source.LEARNED_HOME ? null
                : places.get(0);
        int[] hourDays = activeHourDays(readings, positions, home);
        // without home sensors the hours away alone would make a narrow, wrong "usual day": leave hours unlearned
        long homeDays = readings.stream().filter(r -> r.type().isHomeActivity()).map(r -> day(r.at())).distinct()
                .count();
        int activeHours = enough && homeDays >= minDays ? activeHours(hourDays, n) : 0;
        double[] water = curve(readings, ReadingType.WATER, days);
        double[] power = curve(readings, ReadingType.POWER, days);
        return new LearnedRoutine(n, enough ? normalGap(readings) : null, places, hourDays, activeHours, water, power,
                enough ? usedBy(readings, ReadingType.WATER, n) : null,
                enough ? usedBy(readings, ReadingType.POWER, n) : null,
                enough && home != null ? outings(positions, home, places, n) : List.of());
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private List<Position> positions(List<Reading> readings) {
        List<Reading> located = readings.stream()
                .filter(r -> r.type() == ReadingType.LOCATION && r.lat() != null && r.lon() != null).toList();
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < located.size(); i++) {
            Reading r = located.get(i);
            LocalDate day = day(r.at());
            Reading previous = i == 0 ? null : located.get(i - 1);
            Reading next = i + 1 < located.size() ? located.get(i + 1) : null;
            boolean sameDayNext = next != null && day(next.at()).equals(day);
            long dwell = sameDayNext ? Math.min(Duration.between(r.at(), next.at()).toSeconds(),
                    MAX_DWELL.toSeconds()) : 0;
            ZonedDateTime local = r.at().atZone(zone);
            boolean edge = previous == null || !day(previous.at()).equals(day) || !sameDayNext
                    || local.getHour() < 5 || local.getHour() >= 23;
            positions.add(new Position(r.at(), day, local.getHour(), r.lat(), r.lon(), dwell, edge));
        }
        return positions;
    }

    /** Learned places, home first; each a circle around its positions with the hours it is usually visited. */
    private List<SafeZone> places(List<Position> positions) {
        List<Cluster> clusters = new ArrayList<>();
        for (Position p : positions) {
            Cluster nearest = nearest(clusters, p);
            if (nearest != null) {
                nearest.add(p.lat(), p.lon());
            } else if (clusters.size() < MAX_CLUSTERS) {
                Cluster c = new Cluster();
                c.add(p.lat(), p.lon());
                clusters.add(c);
            }
        }
        // second pass against the settled centres: time spent, days, hours and extent of each place
        List<Cluster> settled = new ArrayList<>();
        for (Cluster c : clusters) {
            Cluster s = new Cluster();
            s.lat = c.lat;
            s.lon = c.lon;
            s.count = 1;
            settled.add(s);
        }
        for (Position p : positions) {
            Cluster c = nearest(settled, p);
            if (c == null) {
                continue;
            }
            c.dwellSeconds += p.dwellSeconds();
            c.days.add(p.day());
            c.dayHours.add(p.day().toEpochDay() * 24 + p.hour());
            c.nightWeight += p.dayEdge() ? 1 : 0;
            c.maxDistance = Math.max(c.maxDistance, SafeZone.haversine(c.lat, c.lon, p.lat(), p.lon()));
        }
        List<Cluster> kept = settled.stream().filter(c -> c.days.size() >= MIN_PLACE_DAYS
                        && c.dwellSeconds >= MIN_PLACE_DWELL.toSeconds())
                .sorted(Comparator.comparingLong((Cluster c) -> c.dwellSeconds).reversed()).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        Cluster home = kept.stream().max(Comparator.comparingInt((Cluster c) -> c.nightWeight)
                .thenComparingLong(c -> c.dwellSeconds)).orElseThrow();
        List<SafeZone> places = new ArrayList<>();
        places.add(new SafeZone(HOME, round(home.lat), round(home.lon), radius(home), SafeZone.Source.LEARNED_HOME,
                SafeZone.ALL_HOURS));
        int number = 0;
        for (Cluster c : kept) {
            if (c == home || number == MAX_PLACES) {
                continue;
            }
            number++;
            places.add(new SafeZone("place-" + number, round(c.lat), round(c.lon), radius(c),
                    SafeZone.Source.LEARNED_PLACE, widen(placeHours(c))));
        }
        return places;
    }

    private static Cluster nearest(List<Cluster> clusters, Position p) {
        Cluster best = null;
        double bestDistance = PLACE_RADIUS;
        for (Cluster c : clusters) {
            double d = SafeZone.haversine(c.lat, c.lon, p.lat(), p.lon());
            if (d <= bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Hours the place was visited on at least two days (one visit at 3 a.m. does not make 3 a.m. usual). */
    private static int placeHours(Cluster c) {
        int[] count = new int[24];
        for (long dayHour : c.dayHours) {
            count[(int) (dayHour % 24)]++;
        }
        int mask = 0;
        for (int h = 0; h < 24; h++) {
            if (count[h] >= 2) {
                mask |= 1 << h;
            }
        }
        return mask;
    }

    private static int radius(Cluster c) {
        return (int) Math.max(PLACE_RADIUS, Math.min(300, Math.ceil(c.maxDistance) + 50));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000) / 1_000_000.0;
    }

    /** For each hour, the days with a sign of life at home or a position away from home in it. */
    private int[] activeHourDays(List<Reading> readings, List<Position> positions, SafeZone home) {
        Set<Long> dayHours = new HashSet<>();
        for (Reading r : readings) {
            if (r.type().isHomeActivity()) {
                ZonedDateTime local = r.at().atZone(zone);
                dayHours.add(local.toLocalDate().toEpochDay() * 24 + local.getHour());
            }
        }
        if (home != null) {
            for (Position p : positions) {
                if (home.distanceOutside(p.lat(), p.lon()) > 0) {
                    dayHours.add(p.day().toEpochDay() * 24 + p.hour());
                }
            }
        }
        int[] count = new int[24];
        for (long dayHour : dayHours) {
            count[(int) (dayHour % 24)]++;
        }
        return count;
    }

    private static int activeHours(int[] hourDays, int days) {
        int needed = Math.max(1, (int) Math.ceil(0.15 * days));
        int mask = 0;
        for (int h = 0; h < 24; h++) {
            if (hourDays[h] >= needed) {
                mask |= 1 << h;
            }
        }
        return widen(mask);
    }

    /** An hour more on each side of every usual hour: the edges of a routine are not sharp. */
    static int widen(int mask) {
        int wide = mask | (mask << 1) | (mask >>> 1);
        return wide & SafeZone.ALL_HOURS;
    }

    private double[] curve(List<Reading> readings, ReadingType type, List<LocalDate> days) {
        double[] curve = new double[24];
        if (days.isEmpty()) {
            return curve;
        }
        for (Reading r : readings) {
            if (r.type() == type) {
                double use = r.value() == null ? 1 : r.value();
                curve[r.at().atZone(zone).getHour()] += use;
            }
        }
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += curve[h];
            curve[h] = Math.round(sum / days.size() * 100) / 100.0;
        }
        return curve;
    }

    /** The minute (on the hour) by which the elder used it on nine days in ten, if that is a morning habit. */
    private Integer usedBy(List<Reading> readings, ReadingType type, int days) {
        Map<LocalDate, Integer> first = new TreeMap<>();
        for (Reading r : readings) {
            if (r.type() == type) {
                ZonedDateTime local = r.at().atZone(zone);
                first.merge(local.toLocalDate(), local.getHour() * 60 + local.getMinute(), Math::min);
            }
        }
        if (first.size() < minDays || first.size() < 0.8 * days) {
            return null;
        }
        int[] minutes = first.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int nineInTen = minutes[(int) Math.ceil(0.9 * minutes.length) - 1];
        int by = (nineInTen / 60 + 1) * 60;
        return by <= LATEST_USUAL_USE ? by : null;
    }

    private record Trip(LocalDate day, int start, int end, double distance) {
    }

    private List<Outing> outings(List<Position> positions, SafeZone home, List<SafeZone> places, int days) {
        List<Trip> trips = new ArrayList<>();
        Position start = null;
        double farthest = 0;
        Position last = null;
        for (Position p : positions) {
            if (start != null && !p.day().equals(start.day())) {
                trips.add(new Trip(start.day(), minute(start.at()), minute(last.at()), farthest));
                start = null;
            }
            boolean away = home.distanceOutside(p.lat(), p.lon()) > 0;
            if (away && start == null) {
                start = p;
                farthest = 0;
            }
            if (away) {
                farthest = Math.max(farthest, SafeZone.haversine(home.lat(), home.lon(), p.lat(), p.lon()));
            } else if (start != null) {
                trips.add(new Trip(start.day(), minute(start.at()), minute(p.at()), farthest));
                start = null;
            }
            last = p;
        }
        if (start != null) {
            trips.add(new Trip(start.day(), minute(start.at()), minute(last.at()), farthest));
        }
        trips.sort(Comparator.comparingInt(Trip::start));
        List<Outing> outings = new ArrayList<>();
        int needed = Math.max(minDays, (int) Math.ceil(0.3 * days));
        for (int i = 0; i < trips.size(); ) {
            int j = i;
            while (j < trips.size() && trips.get(j).start() - trips.get(i).start() <= 90) {
                j++;
            }
            List<Trip> group = trips.subList(i, j);
            if (group.stream().map(Trip::day).distinct().count() >= needed) {
                int[] starts = group.stream().mapToInt(Trip::start).sorted().toArray();
                int[] ends = group.stream().mapToInt(Trip::end).sorted().toArray();
                double[] reach = group.stream().mapToDouble(Trip::distance).sorted().toArray();
                int range = (int) Math.ceil(reach[upperQuartile(reach.length)]);
                int from = Math.max(0, starts[lowerQuartile(starts.length)] - 30);
                int to = Math.min(24 * 60 - 1, ends[upperQuartile(ends.length)] + 30);
                outings.add(new Outing(destination(places, home, range), from, to, range,
                        (int) group.stream().map(Trip::day).distinct().count()));
            }
            i = j;
        }
        return outings;
    }

    /** The learned place farthest from home within the outing's range, or none. */
    private static String destination(List<SafeZone> places, SafeZone home, int range) {
        return places.stream().filter(p -> p.source() == SafeZone.Source.LEARNED_PLACE)
                .filter(p -> SafeZone.haversine(home.lat(), home.lon(), p.lat(), p.lon()) <= range + PLACE_RADIUS)
                .max(Comparator.comparingDouble(p -> SafeZone.haversine(home.lat(), home.lon(), p.lat(), p.lon())))
                .map(SafeZone::name).orElse("");
    }

    private static int lowerQuartile(int n) {
        return (int) Math.floor(0.25 * (n - 1));
    }

    private static int upperQuartile(int n) {
        return (int) Math.ceil(0.75 * (n - 1));
    }

    private int minute(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.getHour() * 60 + local.getMinute();
    }

    /** Each day's longest waking-time gap ending that day; the one of nine days in ten, plus a quarter. */
    private Duration normalGap(List<Reading> readings) {
        Reading previous = null;
        Map<LocalDate, Long> longest = new TreeMap<>();
        for (Reading r : readings) {
            if (!r.type().isHomeActivity()) {
                continue;
            }
            if (previous != null) {
                long gap = settings.wakingTimeBetween(previous.at(), r.at()).toSeconds();
                longest.merge(day(r.at()), gap, Math::max);
            }
            previous = r;
        }
        if (longest.isEmpty()) {
            return null;
        }
        long[] gaps = longest.values().stream().mapToLong(Long::longValue).sorted().toArray();
        return Duration.ofSeconds(Math.round(gaps[(int) Math.ceil(0.9 * gaps.length) - 1] * 1.25));
    }
}
