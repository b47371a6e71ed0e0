package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;

/** A member of staff of one institution or one childcare provider, with certificates and talent titles. */
record StaffRecord(long id, String name, StaffRole role, Long institutionId, Long providerId, String divisionCode,
                   Set<TalentTitle> talentTitles, List<Certificate> certificates, boolean synthetic) {

    StaffRecord {
        talentTitles = Set.copyOf(talentTitles);
        certificates = List.copyOf(certificates);
    }

    StaffRecord withCertificates(List<Certificate> newCertificates) {
        return new StaffRecord(id, name, role, institutionId, providerId, divisionCode, talentTitles, newCertificates,
                synthetic);
    }

    /** Certified on a date: holds at least one certificate not yet expired; an expired one does not count. */
    public boolean certifiedOn(LocalDate date) {
        return certificates.stream().anyMatch(c -> c.validOn(date));
    }
}
