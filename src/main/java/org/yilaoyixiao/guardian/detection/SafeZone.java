package org.yilaoyixiao.guardian.detection;

/** A circle the elder is expected to be in (home, a daughter's house, the village centre). */
public record SafeZone(String name, double lat, double lon, int radiusMeters) {

    private static final double EARTH_RADIUS_METERS = 6_371_000;

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
