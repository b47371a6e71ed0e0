package org.yilaoyixiao.registry.internal.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.Sex;

/** Makes single synthetic people (ages, birth dates, names, ID numbers, phones) from one seeded random source. */
final class DemoPeople {

    private static final String MOBILE_SECOND_DIGITS = "35789";

    private final SplittableRandom random;
    private final SyntheticIdNumbers idNumbers = new SyntheticIdNumbers();
    private final LocalDate today;

    DemoPeople(SplittableRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    SplittableRandom random() {
        return random;
    }

    /** An age band of the 60+ population (0 = 60–64 … 8 = 100–104). */
    int elderBand() {
        return WeightedChoice.index(random, CountyProfile.ELDER_BAND_WEIGHTS);
    }

    int ageIn(int band) {
        return CountyProfile.FIRST_BAND_AGE + band * CountyProfile.BAND_YEARS + random.nextInt(CountyProfile.BAND_YEARS);
    }

    static int bandOf(int age) {
        return Math.min(CountyProfile.ELDER_BAND_WEIGHTS.length - 1,
                (age - CountyProfile.FIRST_BAND_AGE) / CountyProfile.BAND_YEARS);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    DemoPerson elder(Residence residence, int age, Sex sex, String surname, EconomicStatus economic,
                     Set<LivingSituation> householdFlags) {
        LocalDate birth = birthDateAtAge(age);
        Set<LivingSituation> flags = householdFlags.isEmpty() ? EnumSet.noneOf(LivingSituation.class)
                : EnumSet.copyOf(householdFlags);
        if (chance(CountyProfile.SEVERE_DISABILITY_BY_BAND[bandOf(age)])) {
            flags.add(LivingSituation.SEVERE_DISABILITY);
        }
        return new DemoPerson(idNumbers.next(birth, sex), ChineseNames.elder(random, surname, sex), sex, birth,
                chance(CountyProfile.ELDER_HAS_PHONE) ? mobilePhone() : null, residence,
                chance(CountyProfile.ELDER_LOCAL_HUKOU), economic, flags);
    }

    /** An infant born in the given year of age (0, 1 or 2) or, with {@code birth} given, on that date (a twin). */
    DemoPerson infant(Residence residence, String surname, LocalDate birth, EconomicStatus economic) {
        Sex sex = chance(CountyProfile.INFANT_MALE_SHARE) ? Sex.MALE : Sex.FEMALE;
        return new DemoPerson(idNumbers.next(birth, sex), ChineseNames.infant(random, surname, sex), sex, birth, null,
                residence, chance(CountyProfile.INFANT_LOCAL_HUKOU), economic, EnumSet.noneOf(LivingSituation.class));
    }

    LocalDate infantBirthDate() {
        return birthDateAtAge(WeightedChoice.index(random, CountyProfile.INFANT_AGE_WEIGHTS));
    }

    /** A birth date on which the person is exactly {@code age} years old today. */
    LocalDate birthDateAtAge(int age) {
        LocalDate latest = today.minusYears(age);
        LocalDate earliest = today.minusYears(age + 1L).plusDays(1);
        long days = latest.toEpochDay() - earliest.toEpochDay();
        return earliest.plusDays(random.nextLong(days + 1));
    }

    /** A made-up mainland mobile number (synthetic: never to be called or sent messages). */
    String mobilePhone() {
        char[] digits = new char[11];
        digits[0] = '1';
        digits[1] = MOBILE_SECOND_DIGITS.charAt(random.nextInt(MOBILE_SECOND_DIGITS.length()));
        for (int i = 2; i < digits.length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    /** An address at a reserved documentation domain, never a real mailbox. */
    String email() {
        return "family" + (100000 + random.nextInt(900000)) + "@example.com";
    }
}
