package org.yilaoyixiao.facilities.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.facilities.ChildcareProviderSummary;
import org.yilaoyixiao.facilities.FacilityDirectory;
import org.yilaoyixiao.facilities.InstitutionSummary;

@Component
class JdbcFacilityDirectory implements FacilityDirectory {

    private final InstitutionRepository institutions;
    private final ProviderRepository providers;
    private final JdbcClient jdbc;

    JdbcFacilityDirectory(InstitutionRepository institutions, ProviderRepository providers, JdbcClient jdbc) {
        this.institutions = institutions;
        this.providers = providers;
        this.jdbc = jdbc;
    }

    @Override
    public List<InstitutionSummary> syntheticInstitutions() {
        return jdbc.sql("select id from facilities.institution where synthetic order by id").query(Long.class).list()
                .stream().flatMap(id -> institutions.findById(id).map(InstitutionRecord::summary).stream()).toList();
    }

    @Override
    public List<ChildcareProviderSummary> syntheticProviders() {
        return jdbc.sql("select id from facilities.childcare_provider where synthetic order by id").query(Long.class)
                .list().stream().flatMap(id -> providers.findById(id).map(ProviderRecord::summary).stream()).toList();
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
