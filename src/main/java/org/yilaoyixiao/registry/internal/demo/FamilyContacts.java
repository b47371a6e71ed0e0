package org.yilaoyixiao.registry.internal.demo;

import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.registry.Sex;

/**
 * Family and emergency contacts of elders: their grown-up children, at home, elsewhere in China or abroad (with
 * country and time zone); when the children are away, a neighbour or relative nearby is the emergency contact.
 */
final class FamilyContacts {

    static final String CHINA = "CN";
    static final String CHINA_TIME_ZONE = "Asia/Shanghai";

    private final DemoPeople people;

    FamilyContacts(DemoPeople people) {
        this.people = people;
    }

    /** One or two children of the member at {@code member}, and a local emergency contact when they are away. */
    List<DemoHousehold.Contact> children(int member, String surname, boolean away, boolean abroad) {
        int count = people.chance(0.45) ? 2 : 1;
        List<DemoHousehold.Contact> contacts = new ArrayList<>(count + 1);
        CountryAbroad country = abroad ? CountryAbroad.pick(people.random()) : null;
        for (int i = 0; i < count; i++) {
            Sex sex = people.chance(0.5) ? Sex.MALE : Sex.FEMALE;
            String name = ChineseNames.adult(people.random(), surname, sex);
            String relation = sex == Sex.MALE ? "SON" : "DAUGHTER";
            boolean emergency = !away && i == 0;
            contacts.add(abroad
                    ? abroad(member, name, relation, i > 0 && people.chance(0.3) ? CountryAbroad.pick(people.random())
                    : country)
                    : domestic(member, name, relation, emergency));
        }
        if (away) {
            contacts.add(nearby(member));
        }
        return contacts;
    }

    /** A child living abroad, named as a contact of the member at {@code member}. */
    DemoHousehold.Contact abroad(int member, String name, String relation, CountryAbroad country) {
        return new DemoHousehold.Contact(member, name, relation, country.phone(people.random()),
                people.chance(0.4) ? people.email() : null, country.name(), country.timeZone(), false);
    }

    DemoHousehold.Contact domestic(int member, String name, String relation, boolean emergency) {
        return new DemoHousehold.Contact(member, name, relation, people.mobilePhone(), null, CHINA, CHINA_TIME_ZONE,
                emergency);
    }

    /** For families without children to call (计划生育特殊家庭): a relative, the emergency contact. */
    List<DemoHousehold.Contact> relativeOnly(int member) {
        String name = ChineseNames.adult(people.random(), ChineseNames.surname(people.random()),
                people.chance(0.5) ? Sex.MALE : Sex.FEMALE);
        return List.of(domestic(member, name, "RELATIVE", true));
    }

    private DemoHousehold.Contact nearby(int member) {
        String name = ChineseNames.adult(people.random(), ChineseNames.surname(people.random()),
                people.chance(0.5) ? Sex.MALE : Sex.FEMALE);
        return domestic(member, name, people.chance(0.6) ? "NEIGHBOUR" : "RELATIVE", true);
    }
}
