package org.yilaoyixiao.facilities.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.InstitutionBeds;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.facilities.ProfitType;

/** Turns an institution command into a record to store, or throws with every field problem (in Chinese). */
@Component
class InstitutionValidation {

    private final FacilityScope scope;

    InstitutionValidation(FacilityScope scope) {
        this.scope = scope;
    }

    InstitutionRecord validate(InstitutionCommand c) {
        FieldChecks checks = new FieldChecks();
        String name = checks.name("name", c.name(), 100, "facility.name.required");
        checks.check(scope.exists(c.divisionCode()), "divisionCode", "UNKNOWN", "facility.division.unknown");
        OperationModel model = checks.enumValue("operationModel", OperationModel.class, c.operationModel(), true,
                "institution.operation-model.invalid");
        ProfitType profit = checks.enumValue("profitType", ProfitType.class, c.profitType(), false,
                "institution.profit-type.invalid");
        InstitutionKind kind = checks.enumValue("kind", InstitutionKind.class, c.kind(), true,
                "institution.kind.invalid");
        checks.check(c.starRating() == null || (c.starRating() >= 1 && c.starRating() <= 5), "starRating", "RANGE",
                "institution.star-rating.range");
        checks.check(c.starRating() != null || c.starRatedOn() == null, "starRatedOn", "WITHOUT_RATING",
                "institution.star-rated-on.without-rating");
        Premises premises = premises(checks, c.premises(), c.leaseEndsOn());
        List<InstitutionBeds> beds = beds(checks, c.beds());
        checks.throwIfAny();
        return new InstitutionRecord(0, name, c.divisionCode(), model,
                profit == null ? ProfitType.NON_PROFIT : profit, kind, c.starRating(), c.starRatedOn(), premises,
                premises == Premises.LEASED ? c.leaseEndsOn() : null, c.openedOn(),
                Boolean.TRUE.equals(c.medicalPartnership()), Boolean.TRUE.equals(c.smartCareHome()), false, 0, beds);
    }

    /** Leased premises need the lease's end date: the subsidies and filing rules depend on the term left. */
    static Premises premises(FieldChecks checks, String value, java.time.LocalDate leaseEndsOn) {
        Premises premises = checks.enumValue("premises", Premises.class, value, true, "facility.premises.invalid");
        checks.check(premises != Premises.LEASED || leaseEndsOn != null, "leaseEndsOn", "REQUIRED",
                "facility.lease-ends-on.required");
        return premises;
    }

    private static List<InstitutionBeds> beds(FieldChecks checks, List<InstitutionCommand.Beds> input) {
        List<InstitutionBeds> beds = new ArrayList<>();
        Set<BedType> seen = EnumSet.noneOf(BedType.class);
        List<InstitutionCommand.Beds> rows = input == null ? List.of() : input;
        for (int i = 0; i < rows.size(); i++) {
            InstitutionCommand.Beds row = rows.get(i);
            String prefix = "beds[" + i + "].";
            BedType type = checks.enumValue(prefix + "type", BedType.class, row.type(), true, "institution.bed-type.invalid");
            int approved = row.approved() == null ? 0 : row.approved();
            int cognitive = row.cognitive() == null ? 0 : row.cognitive();
            checks.check(approved >= 0, prefix + "approved", "MIN", "institution.beds.negative");
            checks.check(cognitive >= 0, prefix + "cognitive", "MIN", "institution.beds.negative");
            checks.check(cognitive <= approved, prefix + "cognitive", "ABOVE_APPROVED", "institution.beds.cognitive-above-approved");
            if (type != null) {
                checks.check(seen.add(type), prefix + "type", "DUPLICATE", "institution.bed-type.duplicate");
                beds.add(new InstitutionBeds(type, approved, cognitive));
            }
        }
        return beds;
    }
}
