package org.yilaoyixiao.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.support.PeopleSheets;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestClock;
import org.yilaoyixiao.support.TestIdNumbers;

/** Staged rows are personal data: an import and its rows are gone after the retention period. */
@PlatformTest
class PersonImportRetentionTest {

    @Autowired
    PersonImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void importsAreForgottenAfterSevenDays() throws Exception {
        CurrentUser admin = new CurrentUser(1, PlatformTest.ADMIN, "管理员", Set.of(Role.COUNTY_ADMIN),
                PlatformTest.COUNTY, null);
        byte[] xlsx = PeopleSheets.xlsx(List.of(PeopleSheets.person(TestIdNumbers.nextElder(), "留存", "331121001901")));
        long id = imports.upload("留存.xlsx", new ByteArrayInputStream(xlsx), admin).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (imports.find(id, admin).status() == ImportStatus.VALIDATING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rows(id)).isOne();

        imports.purge();
        assertThat(rows(id)).as("kept within the retention period").isOne();
        try {
            clock.advance(Duration.ofDays(7).plusHours(1));
            imports.purge();
        } finally {
            clock.reset();
        }
        assertThat(rows(id)).isZero();
        assertThat(jdbc.sql("select count(*) from registry.person_import where id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    private long rows(long id) {
        return jdbc.sql("select count(*) from registry.person_import_row where import_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
