package org.yilaoyixiao.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.yilaoyixiao.registry.Ages;
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

    /** Full years of age on a date (周岁), the age at death after it ({@link Ages}). */
    public int ageOn(LocalDate date) {
        return Ages.yearsOn(birthDate, deathDate, date);
    }

    /** The group of the age shown on the same day, so that a badge never contradicts the age beside it. */
    public PersonCategory categoryOn(LocalDate date) {
        return PersonCategory.ofAge(ageOn(date));
    }
}
