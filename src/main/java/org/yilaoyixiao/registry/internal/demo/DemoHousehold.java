package org.yilaoyixiao.registry.internal.demo;

import java.time.Instant;
import java.util.List;

/**
 * A synthetic household: its registered members (elders and infants; grown-ups appear only by name, as guardians
 * and contacts), the guardians of its infants with their consent, and the members' family contacts. Members are
 * referred to by their position in {@link #members()}.
 */
record DemoHousehold(Residence residence, String address, List<Member> members, List<Guardian> guardians,
                     List<Contact> contacts) {

    /** {@code relation} as in {@code registry.household_member}: HEAD, SPOUSE, CHILD, GRANDCHILD, … */
    record Member(DemoPerson person, String relation) {

        /** Infants are the household's children or grandchildren; everyone else registered here is an elder. */
        boolean infant() {
            return relation.equals("CHILD") || relation.equals("GRANDCHILD");
        }
    }

    /**
     * A guardian of the infant at {@code infantMember}; {@code guardianMember} is the member who is the guardian, or
     * -1 for a parent who is named but not registered. PIPL Art. 31: the consent is recorded with every guardian.
     */
    record Guardian(int infantMember, int guardianMember, String name, String relation, String phone,
                    Instant consentGivenAt, String consentMethod) {
    }

    /** A family or emergency contact of the member at {@code member}; abroad with country and time zone. */
    record Contact(int member, String name, String relation, String phone, String email, String countryCode,
                   String timeZone, boolean emergency) {
    }
}
