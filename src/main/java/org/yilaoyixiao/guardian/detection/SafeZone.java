package org.yilaoyixiao.guardian.detection;

/**
 * A circle the elder is expected to be in (home, a daughter's house, the village centre, the morning market), and the
 * local hours in which it counts as safe: a manual zone and the learned home always, a learned place only in the hours
 * the elder is usually there (the market is safe at 8 a.m., not at 3 a.m.).
 *
 * @param hours bit {@code h} set when the zone is safe in local hour {@code h} (0–23); {@link #ALL_HOURS} for always
 */
public record SafeZone(String name, double lat, double lon, int radiusMeters, Source source, int hours) {

    public static final int ALL_HOURS = (1 << 24) - 1;
    private static final double EARTH_RADIUS_METERS = 6_371_000;

    /** Where a zone comes from: set by a person, or learned from the elder's own history. */
    public enum Source { MANUAL, LEARNED_HOME, LEARNED_PLACE }

    /** A manual safe zone, safe at every hour. */
    public SafeZone(String name, double lat, double lon, int radiusMeters) {
        this(name, lat, lon, radiusMeters, Source.MANUAL, ALL_HOURS);
    }

    /** Whether the zone counts as safe in this local hour (0–23). */
    public boolean safeAt(int hour) {
        return (hours >> hour & 1) != 0;
    }

    public boolean learned() {
        return source != Source.MANUAL;
    }

    /** Metres from the point to the edge of the circle; zero or less when inside. */
    public double distanceOutside(double pointLat, double pointLon) {
        return haversine(lat, lon, pointLat, pointLon) - radiusMeters;
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
