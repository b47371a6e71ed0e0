package org.yilaoyixiao.registry.internal.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.Sex;

/**
 * Households of elders only: one elder or a couple. Most are empty nests; in this 侨乡 many elders' children live
 * in Europe, which makes them left-behind elders with family contacts abroad.
 */
final class ElderHouseholds {

    private final DemoPeople people;
    private final FamilyContacts contacts;

    ElderHouseholds(DemoPeople people, FamilyContacts contacts) {
        this.people = people;
        this.contacts = contacts;
    }

    /** A household of one or two elders, never more than {@code eldersLeft}. */
    DemoHousehold next(Residence residence, String address, long eldersLeft) {
        int band = people.elderBand();
        int age = people.ageIn(band);
        boolean single = eldersLeft < 2 || people.chance(CountyProfile.SINGLE_BY_BAND[band]);
        Sex headSex = single ? singleElderSex(band, age) : Sex.MALE;
        boolean withChildren = people.chance(CountyProfile.WITH_ADULT_CHILDREN);
        boolean familyPlanningSpecial = age <= CountyProfile.FAMILY_PLANNING_SPECIAL_MAX_AGE
                && people.chance(CountyProfile.FAMILY_PLANNING_SPECIAL);
        boolean away = !withChildren && !familyPlanningSpecial && people.chance(CountyProfile.CHILDREN_AWAY);
        boolean abroad = away && people.chance(CountyProfile.AWAY_ABROAD);

        Set<LivingSituation> flags = EnumSet.noneOf(LivingSituation.class);
        if (!withChildren) {
            flags.add(LivingSituation.EMPTY_NEST);
            if (single) {
                flags.add(LivingSituation.LIVING_ALONE);
            }
        }
        if (away) {
            flags.add(LivingSituation.LEFT_BEHIND);
        }
        if (familyPlanningSpecial) {
            flags.add(LivingSituation.FAMILY_PLANNING_SPECIAL);
        }
        EconomicStatus economic = economicStatus(single);

        String surname = ChineseNames.surname(people.random());
        List<DemoHousehold.Member> members = new ArrayList<>(2);
        members.add(new DemoHousehold.Member(people.elder(residence, age, headSex, surname, economic, flags), "HEAD"));
        if (!single) {
            // wives are a little younger; one who would be under 60 is taken as older instead, keeping both elders
            int wifeAge = age - (int) Math.round(2 + people.random().nextGaussian() * 2.5);
            if (wifeAge < CountyProfile.FIRST_BAND_AGE) {
                wifeAge = age + (age - wifeAge);
            }
            wifeAge = Math.min(104, wifeAge);
            members.add(new DemoHousehold.Member(people.elder(residence, wifeAge, Sex.FEMALE,
                    ChineseNames.surname(people.random()), economic, flags), "SPOUSE"));
        }
        // the children carry the husband's surname; a widow's late husband's surname is made up
        String childrenSurname = headSex == Sex.MALE ? surname : ChineseNames.surname(people.random());
        List<DemoHousehold.Contact> contactList = familyPlanningSpecial
                ? contacts.relativeOnly(0)
                : contacts.children(0, childrenSurname, away, abroad);
        return new DemoHousehold(residence, address, members, List.of(), contactList);
    }

    private Sex singleElderSex(int band, int age) {
        // more widows than widowers, the more so at high ages
        double female = Math.min(0.9, CountyProfile.FEMALE_SHARE[band] + (age >= 75 ? 0.18 : 0.08));
        return people.chance(female) ? Sex.FEMALE : Sex.MALE;
    }

    private EconomicStatus economicStatus(boolean single) {
        if (single && people.chance(CountyProfile.SINGLE_ELDER_EXTREME_POVERTY)) {
            return EconomicStatus.EXTREME_POVERTY;
        }
        double draw = people.random().nextDouble();
        if (draw < CountyProfile.ELDER_MINIMUM_LIVING) {
            return EconomicStatus.MINIMUM_LIVING;
        }
        if (draw < CountyProfile.ELDER_MINIMUM_LIVING + CountyProfile.ELDER_LOW_INCOME_MARGINAL) {
            return EconomicStatus.LOW_INCOME_MARGINAL;
        }
        return EconomicStatus.NONE;
    }
}
