package org.yilaoyixiao.registry.internal.demo;

import java.time.LocalDate;
import java.util.Set;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.Sex;

/** One synthetic person as generated, the ID number still in clear (it is encrypted on the way into the table). */
record DemoPerson(String idNumber, String name, Sex sex, LocalDate birthDate, String phone, Residence residence,
                  boolean localHukou, EconomicStatus economicStatus, Set<LivingSituation> livingSituation) {
}
