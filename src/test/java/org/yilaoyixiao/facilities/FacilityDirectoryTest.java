package org.yilaoyixiao.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.support.PlatformTest;

/** What the placement module will see through the public API. */
@PlatformTest
class FacilityDirectoryTest {

    @Autowired
    FacilityDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsInstitutionsWithBedsAndProvidersWithClasses() {
        long institution = jdbc.sql("select min(id) from facilities.institution where synthetic").query(Long.class).single();
        InstitutionSummary home = directory.institution(institution).orElseThrow();
        assertThat(home.approved(BedType.NURSING) + home.approved(BedType.ASSISTED)).isEqualTo(200);
        assertThat(home.approved(BedType.NURSING)).isEqualTo(140);

        long provider = jdbc.sql("select min(id) from facilities.childcare_provider where synthetic and kind = 'STANDALONE'")
                .query(Long.class).single();
        ChildcareProviderSummary childcare = directory.childcareProvider(provider).orElseThrow();
        assertThat(childcare.approvedSlots()).isEqualTo(80);
        assertThat(childcare.classes()).extracting(ChildcareClass::type).contains(ChildcareClassType.INFANT,
                ChildcareClassType.MIXED);
        assertThat(childcare.classes().stream().mapToInt(ChildcareClass::capacity).sum()).isEqualTo(80);

        assertThat(directory.institution(-1)).isEmpty();
        assertThat(directory.childcareProvider(-1)).isEmpty();
    }
}
