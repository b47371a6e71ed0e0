package org.yilaoyixiao.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.support.TestIdNumbers;
import tools.jackson.databind.ObjectMapper;

/**
 * The tally behind broad search totals always equals counting the rows, after inserts, updates (of flags, economic
 * status and residence), deletes and compaction. Compared inside one repeatable-read transaction, since other tests
 * change people meanwhile.
 */
@PlatformTest
class PersonTallyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonTally tally;

    @Autowired
    DivisionDirectory divisions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Autowired
    PersonSearch search;

    private long create(String residence, String economic, String flags) throws Exception {
        String body = mvc.perform(post("/api/v1/persons").with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"季阿公","residenceDivisionCode":"%s","localHukou":true,
                                 "economicStatus":"%s","livingSituation":[%s]}
                                """.formatted(TestIdNumbers.nextElder(), residence, economic, flags)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("id").asLong();
    }

    private void assertTallyMatchesRows() {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.executeWithoutResult(status -> assertTallyMatchesRowsInThisTransaction());
    }

    private void assertTallyMatchesRowsInThisTransaction() {
        LocalDate today = BusinessTime.today(clock);
        List<PersonTally.Request> requests = new ArrayList<>();
        for (String scope : List.of(PlatformTest.COUNTY, PlatformTest.HECHENG, "331121001902", "331121203")) {
            String[] codes = divisions.subtreeCodes(scope).toArray(String[]::new);
            List<String> dimensions = new ArrayList<>(List.of(PersonTally.Request.ALL));
            for (LivingSituation flag : LivingSituation.values()) {
                dimensions.add(PersonTally.Request.flag(flag.name()));
            }
            for (EconomicStatus economic : EconomicStatus.values()) {
                if (economic != EconomicStatus.NONE) { // not tallied: searches for it count rows
                    dimensions.add(PersonTally.Request.economic(economic.name()));
                }
            }
            for (String dimension : dimensions) {
                for (PersonCategory category : new PersonCategory[]{null, PersonCategory.ELDER, PersonCategory.INFANT}) {
                    for (String status : List.of("ACTIVE", "DECEASED")) {
                        requests.add(new PersonTally.Request(codes, status, dimension, category,
                                PersonCategory.elderBornOnOrBefore(today), PersonCategory.infantBornAfter(today)));
                    }
                }
            }
        }
        for (PersonTally.Request request : requests) {
            String where = where(request);
            long rows = rows(where, request.codes(), Map.of());
            long tallied = tally.count(request, (condition, extra) -> rows(where + condition, request.codes(), extra));
            assertThat(tallied).as("%s %s %s in %d divisions", request.dimension(), request.category(),
                    request.status(), request.codes().length).isEqualTo(rows);
        }
    }

    /** The same filter as a search would make, written out by hand. */
    private static String where(PersonTally.Request request) {
        String dimension = request.dimension();
        String condition = dimension.equals(PersonTally.Request.ALL) ? "true"
                : dimension.startsWith("FLAG:") ? "'" + dimension.substring(5) + "' = any(living_situation)"
                : "economic_status = '" + dimension.substring(9) + "'";
        String category = request.category() == null ? "true"
                : request.category() == PersonCategory.ELDER ? "birth_date <= :elderCut" : "birth_date > :infantCut";
        return " where status = '" + request.status() + "' and residence_division_code = any(:codes) and " + condition
                + " and " + category;
    }

    private long rows(String where, String[] codes, Map<String, Object> extra) {
        LocalDate today = BusinessTime.today(clock);
        return jdbc.sql("select count(*) from registry.person" + where)
                .param("elderCut", PersonCategory.elderBornOnOrBefore(today))
                .param("infantCut", PersonCategory.infantBornAfter(today))
                .param("codes", codes)
                .params(extra)
                .query(Long.class).single();
    }

    @Test
    void theTallyEqualsTheRowsAfterInsertsUpdatesDeletesAndCompaction() throws Exception {
        long first = create("331121001902", "MINIMUM_LIVING", "\"LIVING_ALONE\",\"EMPTY_NEST\"");
        create("331121203901", "NONE", "");
        assertTallyMatchesRows();

        mvc.perform(put("/api/v1/persons/" + first).with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"%s","name":"季阿公","residenceDivisionCode":"331121001903","localHukou":true,
                                 "economicStatus":"EXTREME_POVERTY","livingSituation":["SEVERE_DISABILITY"],"version":0}
                                """.formatted(revealed(first))))
                .andExpect(status().isOk());
        assertTallyMatchesRows();

        TransactionTemplate rolledBack = new TransactionTemplate(transactionManager);
        rolledBack.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        rolledBack.executeWithoutResult(status -> {
            jdbc.sql("delete from registry.household_member where person_id = :id").param("id", first).update();
            jdbc.sql("delete from registry.person where id = :id").param("id", first).update();
            assertTallyMatchesRowsInThisTransaction();
            status.setRollbackOnly();
        });

        tally.compact();
        assertTallyMatchesRows();
    }

    @Test
    void searchTotalsFromTheTallyEqualCountingTheRows() {
        CurrentUser countyAdmin = new CurrentUser(1, PlatformTest.ADMIN, "admin", Set.of(Role.COUNTY_ADMIN),
                PlatformTest.COUNTY, null);
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // logged in as staff who may see children: the tally counts everyone
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        PlatformTest.ADMIN, null, List.of(new org.springframework.security.core.authority
                                .SimpleGrantedAuthority(org.yilaoyixiao.registry.RegistryPermissions.READ_CHILDREN))));
        try {
            snapshot.executeWithoutResult(status -> {
            LocalDate today = BusinessTime.today(clock);
            for (PersonSearch.Criteria criteria : List.of(
                    new PersonSearch.Criteria(null, null, null, null, Set.of(), null, null),
                    new PersonSearch.Criteria(null, "331121001", PersonCategory.ELDER, null,
                            Set.of(LivingSituation.EMPTY_NEST), null, null),
                    new PersonSearch.Criteria(null, null, PersonCategory.INFANT, null, Set.of(),
                            EconomicStatus.MINIMUM_LIVING, null))) {
                PersonSearch.Query query = search.query(criteria, countyAdmin);
                assertThat(query.tally()).isNotNull();
                long rows = jdbc.sql("select count(*) from registry.person" + query.where()).params(query.params())
                        .query(Long.class).single();
                assertThat(search.search(criteria, PageRequest.of(0, 20), countyAdmin).totalElements())
                        .as("%s on %s", criteria, today).isEqualTo(rows);
            }
            });
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        // without the right to see children the tally, which counts by birth year, is not used except for elders
        assertThat(search.query(new PersonSearch.Criteria(null, null, null, null, Set.of(), null, null), countyAdmin)
                .tally()).isNull();
        assertThat(search.query(new PersonSearch.Criteria(null, null, PersonCategory.ELDER, null, Set.of(), null, null),
                countyAdmin).tally()).isNotNull();
    }

    private String revealed(long id) throws Exception {
        String body = mvc.perform(post("/api/v1/persons/" + id + "/reveal-id")
                        .with(httpBasic(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("idNumber").asString();
    }
}
