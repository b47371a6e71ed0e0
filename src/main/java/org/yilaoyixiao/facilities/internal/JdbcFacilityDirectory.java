package org.yilaoyixiao.facilities.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;

@Component
class JdbcFacilityDirectory implements FacilityDirectory {

    private final InstitutionRepository institutions;
    private final ProviderRepository providers;

    JdbcFacilityDirectory(InstitutionRepository institutions, ProviderRepository providers) {
        this.institutions = institutions;
        this.providers = providers;
    }

    @Override
    public Optional<InstitutionSummary> institution(long id) {
        return institutions.findById(id).map(InstitutionRecord::summary);
    }

    @Override
    public Optional<ChildcareProviderSummary> childcareProvider(long id) {
        return providers.findById(id).map(ProviderRecord::summary);
    }
}
