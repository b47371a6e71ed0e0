package org.yilaoyixiao.registry.internal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.Sex;

/**
 * Households with infants: one infant (sometimes two), often living with grandparents, whose parents in this 侨乡
 * are sometimes abroad. Every infant has its parents as guardians, and a grandparent too when the parents are away;
 * each guardian's consent (PIPL Art. 31) is recorded in writing some days after the birth.
 */
final class InfantHouseholds {

    static final String CONSENT_METHOD = "WRITTEN";

    private final DemoPeople people;
    private final FamilyContacts contacts;
    private final Instant now;

    InfantHouseholds(DemoPeople people, FamilyContacts contacts, Instant now) {
        this.people = people;
        this.contacts = contacts;
        this.now = now;
    }

    /** A household with one or two infants (at most {@code infantsLeft}) and up to {@code eldersLeft} grandparents. */
    DemoHousehold next(Residence residence, String address, long infantsLeft, long eldersLeft) {
        String fatherSurname = ChineseNames.surname(people.random());
        String father = ChineseNames.adult(people.random(), fatherSurname, Sex.MALE);
        String mother = ChineseNames.adult(people.random(), ChineseNames.surname(people.random()), Sex.FEMALE);
        int infants = infantsLeft >= 2 && people.chance(CountyProfile.SECOND_INFANT) ? 2 : 1;
        int grandparents = eldersLeft >= 1 && people.chance(CountyProfile.INFANT_WITH_GRANDPARENTS)
                ? (eldersLeft >= 2 && people.chance(0.6) ? 2 : 1) : 0;
        boolean parentsAbroad = grandparents > 0 && people.chance(CountyProfile.PARENTS_ABROAD);
        CountryAbroad country = parentsAbroad ? CountryAbroad.pick(people.random()) : null;
        EconomicStatus economic = economicStatus();

        List<DemoHousehold.Member> members = new ArrayList<>(grandparents + infants);
        Set<LivingSituation> grandparentFlags = parentsAbroad ? EnumSet.of(LivingSituation.LEFT_BEHIND)
                : EnumSet.noneOf(LivingSituation.class);
        if (grandparents > 0) {
            int age = grandparentAge();
            Sex first = grandparents == 2 || people.chance(0.4) ? Sex.MALE : Sex.FEMALE;
            String surname = first == Sex.MALE ? fatherSurname : ChineseNames.surname(people.random());
            members.add(new DemoHousehold.Member(people.elder(residence, age, first, surname, economic,
                    grandparentFlags), "HEAD"));
            if (grandparents == 2) {
                int wifeAge = Math.max(CountyProfile.FIRST_BAND_AGE, age - people.random().nextInt(5));
                members.add(new DemoHousehold.Member(people.elder(residence, wifeAge, Sex.FEMALE,
                        ChineseNames.surname(people.random()), economic, grandparentFlags), "SPOUSE"));
            }
        }
        LocalDate firstBirth = people.infantBirthDate();
        for (int i = 0; i < infants; i++) {
            LocalDate birth = i == 0 || people.chance(CountyProfile.TWINS / CountyProfile.SECOND_INFANT)
                    ? firstBirth : people.infantBirthDate();
            members.add(new DemoHousehold.Member(people.infant(residence, fatherSurname, birth, economic),
                    grandparents > 0 ? "GRANDCHILD" : "CHILD"));
        }

        List<DemoHousehold.Guardian> guardians = new ArrayList<>();
        String fatherPhone = parentsAbroad ? country.phone(people.random()) : people.mobilePhone();
        String motherPhone = parentsAbroad ? country.phone(people.random()) : people.mobilePhone();
        boolean fatherNamed = parentsAbroad || people.chance(0.85);
        for (int i = grandparents; i < members.size(); i++) {
            Instant consent = consentAfter(members.get(i).person().birthDate());
            guardians.add(new DemoHousehold.Guardian(i, -1, mother, "MOTHER", motherPhone, consent, CONSENT_METHOD));
            if (fatherNamed) {
                guardians.add(new DemoHousehold.Guardian(i, -1, father, "FATHER", fatherPhone, consent,
                        CONSENT_METHOD));
            }
            if (parentsAbroad) {
                DemoPerson carer = members.get(0).person();
                guardians.add(new DemoHousehold.Guardian(i, 0, carer.name(), "GRANDPARENT", carer.phone(), consent,
                        CONSENT_METHOD));
            }
        }

        List<DemoHousehold.Contact> contactList = new ArrayList<>();
        if (grandparents > 0) {
            String relation = members.get(0).person().sex() == Sex.MALE ? "SON" : "DAUGHTER";
            String child = relation.equals("SON") ? father : mother;
            contactList.add(parentsAbroad ? contacts.abroad(0, child, relation, country)
                    : contacts.domestic(0, child, relation, true));
            if (parentsAbroad) {
                contactList.addAll(contacts.relativeOnly(0));
            }
        }
        return new DemoHousehold(residence, address, members, guardians, contactList);
    }

    /** Grandparents of infants are mostly in their sixties. */
    private int grandparentAge() {
        int age = CountyProfile.FIRST_BAND_AGE + (int) Math.abs(people.random().nextGaussian() * 7);
        return Math.min(age, 88);
    }

    /** Written consent on a working-day hour, 1–8 weeks after the birth, never in the future. */
    private Instant consentAfter(LocalDate birth) {
        LocalDate day = birth.plusDays(7 + people.random().nextInt(50));
        Instant consent = day.atTime(LocalTime.of(9, 0).plusMinutes(people.random().nextInt(8 * 60)))
                .atZone(BusinessTime.ZONE).toInstant();
        return consent.isAfter(now) ? now : consent;
    }

    private EconomicStatus economicStatus() {
        double draw = people.random().nextDouble();
        if (draw < CountyProfile.INFANT_MINIMUM_LIVING) {
            return EconomicStatus.MINIMUM_LIVING;
        }
        if (draw < CountyProfile.INFANT_MINIMUM_LIVING + CountyProfile.INFANT_LOW_INCOME_MARGINAL) {
            return EconomicStatus.LOW_INCOME_MARGINAL;
        }
        return EconomicStatus.NONE;
    }
}
