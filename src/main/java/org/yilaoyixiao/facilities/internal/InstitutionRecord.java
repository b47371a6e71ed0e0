package org.yilaoyixiao.facilities.internal;

import java.time.LocalDate;
import java.util.List;
import org.yilaoyixiao.facilities.InstitutionBeds;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.InstitutionSummary;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.facilities.ProfitType;

/** An elderly-care institution (养老机构) with its approved beds, as stored. */
record InstitutionRecord(long id, String name, String divisionCode, OperationModel operationModel,
                         ProfitType profitType, InstitutionKind kind, Integer starRating, LocalDate starRatedOn,
                         Premises premises, LocalDate leaseEndsOn, LocalDate openedOn, boolean medicalPartnership,
                         boolean smartCareHome, boolean synthetic, int version, List<InstitutionBeds> beds) {

    InstitutionRecord {
        beds = List.copyOf(beds);
    }

    InstitutionRecord withBeds(List<InstitutionBeds> newBeds) {
        return new InstitutionRecord(id, name, divisionCode, operationModel, profitType, kind, starRating, starRatedOn,
                premises, leaseEndsOn, openedOn, medicalPartnership, smartCareHome, synthetic, version, newBeds);
    }

    public int approvedBeds() {
        return beds.stream().mapToInt(InstitutionBeds::approved).sum();
    }

    public InstitutionSummary summary() {
        return new InstitutionSummary(id, name, divisionCode, operationModel, kind, starRating, beds);
    }
}
