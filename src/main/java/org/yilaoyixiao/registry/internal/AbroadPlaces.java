package org.yilaoyixiao.registry.internal;

import java.util.List;
import java.util.Optional;

/**
 * Where the families of Qingtian's elders live, as a clerk chooses it: a country and its time zone in one choice
 * ("意大利（罗马）"), most Qingtian emigrants living in Italy and Spain. The time zone tells the clerk what time it is
 * there before calling; other places can still be given as an ISO country code and a time zone name.
 */
final class AbroadPlaces {

    /** One choice: the country code and the zone stored, and the message key of its Chinese name. */
    record Place(String countryCode, String timeZone) {

        public String value() {
            return countryCode + " " + timeZone;
        }

        public String labelKey() {
            return "contact.place." + timeZone;
        }
    }

    static final List<Place> COMMON = List.of(
            new Place("IT", "Europe/Rome"),
            new Place("ES", "Europe/Madrid"),
            new Place("PT", "Europe/Lisbon"),
            new Place("FR", "Europe/Paris"),
            new Place("NL", "Europe/Amsterdam"),
            new Place("DE", "Europe/Berlin"),
            new Place("AT", "Europe/Vienna"),
            new Place("BE", "Europe/Brussels"),
            new Place("HU", "Europe/Budapest"),
            new Place("GR", "Europe/Athens"),
            new Place("GB", "Europe/London"),
            new Place("US", "America/New_York"),
            new Place("US", "America/Los_Angeles"),
            new Place("BR", "America/Sao_Paulo"),
            new Place("AR", "America/Argentina/Buenos_Aires"),
            new Place("AU", "Australia/Sydney"),
            new Place("JP", "Asia/Tokyo"),
            new Place("CN", "Asia/Shanghai"));

    private AbroadPlaces() {
    }

    /** The place chosen in the select ("IT Europe/Rome"), or empty for none or an unknown value. */
    static Optional<Place> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return COMMON.stream().filter(p -> p.value().equals(value.strip())).findFirst();
    }

    /** The common place with this zone, for showing a stored contact by name. */
    static Optional<Place> ofZone(String timeZone) {
        return COMMON.stream().filter(p -> p.timeZone().equals(timeZone)).findFirst();
    }
}
