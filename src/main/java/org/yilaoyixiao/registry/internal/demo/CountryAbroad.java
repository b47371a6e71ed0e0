package org.yilaoyixiao.registry.internal.demo;

import java.util.SplittableRandom;

/**
 * Where Qingtian's emigrants mostly live (Italy and Spain first), with the time zone to call them at a sane hour
 * and the country calling code for a made-up phone number.
 */
enum CountryAbroad {
    IT("Europe/Rome", "+39 3"),
    ES("Europe/Madrid", "+34 6"),
    FR("Europe/Paris", "+33 6"),
    PT("Europe/Lisbon", "+351 91"),
    NL("Europe/Amsterdam", "+31 6"),
    DE("Europe/Berlin", "+49 15"),
    AT("Europe/Vienna", "+43 66");

    private static final WeightedChoice<CountryAbroad> SHARES = WeightedChoice.of(
            IT, 35, ES, 30, FR, 10, PT, 7, NL, 6, DE, 6, AT, 6);

    private final String timeZone;
    private final String phonePrefix;

    CountryAbroad(String timeZone, String phonePrefix) {
        this.timeZone = timeZone;
        this.phonePrefix = phonePrefix;
    }

    static CountryAbroad pick(SplittableRandom random) {
        return SHARES.pick(random);
    }

    String timeZone() {
        return timeZone;
    }

    String phone(SplittableRandom random) {
        StringBuilder phone = new StringBuilder(phonePrefix);
        while (phone.length() < phonePrefix.length() + 8) {
            phone.append((char) ('0' + random.nextInt(10)));
        }
        return phone.toString();
    }
}
