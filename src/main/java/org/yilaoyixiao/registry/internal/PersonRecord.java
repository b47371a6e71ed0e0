package org.yilaoyixiao.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.Sex;

/** A person as stored, without the ID number in clear. */
record PersonRecord(long id, String idNumberMasked, String name, Sex sex, LocalDate birthDate, String phone,
                    String residenceDivisionCode, String townshipCode, boolean localHukou,
                    EconomicStatus economicStatus, Set<LivingSituation> livingSituation, LocalDate deathDate,
                    RecordStatus status, boolean synthetic, Instant createdAt, Instant updatedAt, int version) {

    public int ageOn(LocalDate date) {
        LocalDate end = deathDate != null && deathDate.isBefore(date) ? deathDate : date;
        return Period.between(birthDate, end).getYears();
    }

    public PersonCategory categoryOn(LocalDate date) {
        return PersonCategory.of(birthDate, date);
    }
}
