package org.yilaoyixiao.facilities;

import java.util.List;

/** An institution as other modules see it: where it is, how it is run, and its approved beds. */
public record InstitutionSummary(long id, String name, String divisionCode, OperationModel operationModel,
                                 InstitutionKind kind, Integer starRating, List<InstitutionBeds> beds) {

    public InstitutionSummary {
        beds = List.copyOf(beds);
    }

    /** Approved beds of a type, 0 when the institution has none of it. */
    public int approved(BedType type) {
        return beds.stream().filter(b -> b.type() == type).mapToInt(InstitutionBeds::approved).sum();
    }
}
