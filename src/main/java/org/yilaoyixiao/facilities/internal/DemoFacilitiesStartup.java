package org.yilaoyixiao.facilities.internal;

import org.yilaoyixiao.platform.demo.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.platform.time.BusinessTime;

/**
 * Loads the demo facilities of 2022 ({@link DemoFacilities}) after the synthetic villages, in one transaction, once:
 * skipped when any synthetic institution exists. Follows the registry's demo rule: {@code yly.demo.enabled=false}
 * means none, and with an external database only when {@code yly.demo.scale} asks for demo data.
 */
@Component
@Order(20)
class DemoFacilitiesStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFacilitiesStartup.class);
    static final String ACTOR = "demo";

    private final boolean enabled;
    private final String countyCode;
    private final DivisionDirectory divisions;
    private final InstitutionRepository institutions;
    private final CareCentreRepository centres;
    private final ProviderRepository providers;
    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoFacilitiesStartup(@Value("${yly.demo.enabled:true}") boolean demoEnabled,
                          @Value("${yly.demo.scale:}") String scale,
                          @Value("${spring.datasource.url:}") String externalDatabaseUrl,
                          @Value("${yly.county-code}") String countyCode, DivisionDirectory divisions,
                          InstitutionRepository institutions, CareCentreRepository centres,
                          ProviderRepository providers, StaffRepository staff, JdbcClient jdbc,
                          TransactionTemplate transactions, Clock clock) {
        this.enabled = DemoData.wanted(demoEnabled, scale, externalDatabaseUrl);
        this.countyCode = countyCode;
        this.divisions = divisions;
        this.institutions = institutions;
        this.centres = centres;
        this.providers = providers;
        this.staff = staff;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select exists (select 1 from facilities.institution where synthetic)")
                .query(Boolean.class).single()) {
            return;
        }
        List<String> townships = divisions.children(countyCode).stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP).map(Division::code).toList();
        if (townships.isEmpty()) {
            return;
        }
        List<String> villages = new ArrayList<>();
        townships.forEach(t -> divisions.children(t).stream().filter(Division::synthetic).map(Division::code)
                .forEach(villages::add));
        transactions.executeWithoutResult(status -> load(townships, villages, BusinessTime.today(clock)));
        log.info("Loaded the synthetic 2022 facilities: 8 institutions, {} community facilities, 34 childcare providers",
                DemoFacilities.VILLAGE_CENTRES + townships.size() + DemoFacilities.ACTIVITY_CENTRES);
    }

    private void load(List<String> townships, List<String> villages, LocalDate today) {
        List<InstitutionRecord> homes = DemoFacilities.institutions(townships);
        List<Long> homeIds = homes.stream().map(i -> institutions.insert(i, ACTOR, true)).toList();
        DemoFacilities.careCentres(townships, villages).forEach(c -> centres.insert(c, ACTOR, true));
        List<ProviderRecord> childcare = DemoFacilities.providers(townships);
        List<Long> providerIds = childcare.stream().map(p -> providers.insert(p, ACTOR, true)).toList();

        int[] beds = homes.stream().mapToInt(InstitutionRecord::approvedBeds).toArray();
        int carers = DemoFacilities.CERTIFIED_ELDERLY_CARERS + DemoFacilities.EXPIRED_ELDERLY_CARERS;
        for (int i = 0; i < carers; i++) {
            int home = DemoFacilities.employerOf(i, carers, beds);
            boolean expired = i % 16 == 15;
            LocalDate validUntil = expired ? today.minusDays(30 + i)
                    : i < 16 * DemoFacilities.EXPIRING_SOON && i % 16 == 0 ? today.plusDays(5 + i / 8)
                    : today.plusYears(1 + i % 4).plusDays(i);
            insertStaff(i, StaffRole.ELDERLY_CARER, homeIds.get(home), null, homes.get(home).divisionCode(),
                    "养老护理员职业技能等级证书", validUntil, i % 3 == 0 ? "四级" : "五级");
        }
        int[] slots = childcare.stream().mapToInt(ProviderRecord::approvedSlots).toArray();
        for (int i = 0; i < DemoFacilities.CHILDCARE_WORKERS; i++) {
            int provider = DemoFacilities.employerOf(i, DemoFacilities.CHILDCARE_WORKERS, slots);
            insertStaff(10_000 + i, StaffRole.CHILDCARE_WORKER, null, providerIds.get(provider),
                    childcare.get(provider).divisionCode(), i % 2 == 0 ? "保育师职业技能等级证书" : "育婴员职业技能等级证书",
                    today.plusYears(1 + i % 5).plusDays(i % 200), "五级");
        }
    }

    private void insertStaff(int index, StaffRole role, Long institutionId, Long providerId, String division,
                             String certificate, LocalDate validUntil, String level) {
        staff.insert(new StaffRecord(0, DemoFacilities.name(index), role, institutionId, providerId, division,
                DemoFacilities.titles(index), List.of(new Certificate(0, certificate,
                        "SYN-%s-%05d".formatted(role == StaffRole.ELDERLY_CARER ? "YL" : "TY", index), level,
                        validUntil)), true), ACTOR, true);
    }
}
