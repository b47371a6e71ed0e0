package org.yilaoyixiao.facilities;

import java.util.List;
import java.util.Optional;

/**
 * Read access to institutions and childcare providers for other modules (placement admits elders to beds and enrols
 * infants in classes against these numbers). No scope check here: the caller checks its own user's scope.
 */
public interface FacilityDirectory {

    Optional<InstitutionSummary> institution(long id);

    Optional<ChildcareProviderSummary> childcareProvider(long id);

    /** The demo (synthetic) institutions, by id; empty without demo data. */
    List<InstitutionSummary> syntheticInstitutions();

    /** The demo (synthetic) childcare providers with their classes, by id; empty without demo data. */
    List<ChildcareProviderSummary> syntheticProviders();
}
