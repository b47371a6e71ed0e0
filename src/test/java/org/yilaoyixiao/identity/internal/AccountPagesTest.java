package org.yilaoyixiao.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.support.Accounts;
import org.yilaoyixiao.support.PlatformTest;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * The administrators' account pages: the list paged with a total, filtered by role, division (picked) and state,
 * usernames shown as codes; the new-account form with the division picker and the county leader role; password
 * reset and unlock for a missing account are 404; and the administrators' inbox (locked accounts, initial passwords
 * unused for a week) counted in scope.
 */
@PlatformTest
class AccountPagesTest {

    /** Latin words as the role crawler reads them (a word inside a code such as "UTF-8" is part of the code). */
    private static final Pattern LATIN =
            Pattern.compile("(?<![A-Za-z0-9_.@/-])[A-Za-z]{2,}(?![A-Za-z0-9_@-])");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountInbox inbox;

    @Autowired
    Clock clock;

    @Autowired
    AuditorInbox auditorInbox;

    @Autowired
    AuditTrail trail;

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static List<String> latinWords(Element element) {
        Element copy = element.clone();
        copy.select("[translate=no], code, script, style, .visually-hidden").remove();
        List<String> words = new ArrayList<>();
        Matcher latin = LATIN.matcher(copy.text());
        while (latin.find()) {
            words.add(latin.group());
        }
        return words;
    }

    /** An account written straight into the table: fast, for lists of many. */
    private String account(String prefix, String displayName, Role role, String division, Instant passwordChangedAt,
                           Instant lockedUntil) {
        String username = Accounts.unique(prefix);
        long id = jdbc.sql("""
                        insert into identity.user_account (username, display_name, password_hash, password_must_change,
                            division_code, password_changed_at, created_at, created_by, locked_until)
                        values (:u, :n, 'x', true, :d, :changed, :changed, 'admin', :locked) returning id
                        """)
                .param("u", username).param("n", displayName).param("d", division)
                .param("changed", passwordChangedAt.atOffset(ZoneOffset.UTC))
                .param("locked", lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
        jdbc.sql("insert into identity.user_role (user_id, role) values (:id, :role)").param("id", id)
                .param("role", role.name()).update();
        return username;
    }

    @Test
    void theListIsPagedFilteredAndShowsUsernamesAsCodes() throws Exception {
        String tag = "翻页" + System.nanoTime() % 100000;
        Instant now = clock.instant();
        for (int i = 0; i < 55; i++) {
            account("pages", tag + "管家" + i, Role.BUTLER, PlatformTest.OUNAN, now, null);
        }
        String leader = account("pages", tag + "县长", Role.LEADER, PlatformTest.COUNTY, now, null);
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);

        Document first = page(admin, "/admin/users?q=" + tag);
        assertThat(first.select("#user-table tbody tr")).hasSize(50);
        assertThat(first.selectFirst(".pager-summary").text()).isEqualTo("共 56 条，第 1 / 2 页");
        assertThat(first.select("#user-table .user-name").first().attr("translate")).isEqualTo("no");
        assertThat(latinWords(first.body())).isEmpty();
        Document second = Jsoup.parse(mvc.perform(get(java.net.URI.create(first.selectFirst(".pager-next")
                .attr("href"))).session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(second.select("#user-table tbody tr")).hasSize(6);

        Document leaders = page(admin, "/admin/users?q=" + tag + "&role=LEADER");
        assertThat(leaders.select("#user-table tbody tr").eachAttr("data-username")).containsExactly(leader);
        assertThat(leaders.select("#user-table tbody tr td").get(2).text()).contains("县领导");
        // the division is picked by name: the township and everything below it
        Document ounan = page(admin, "/admin/users?q=" + tag + "&division=" + PlatformTest.OUNAN);
        assertThat(ounan.selectFirst(".pager-summary").text()).startsWith("共 55 条");
        assertThat(ounan.select("#user-search [data-picker] input[type=hidden][name=division]").val())
                .isEqualTo(PlatformTest.OUNAN);
        assertThat(ounan.select("#user-search [data-picker] input[type=search]").val()).isNotBlank()
                .doesNotContain(PlatformTest.OUNAN);
        Document hecheng = page(admin, "/admin/users?q=" + tag + "&division=" + PlatformTest.HECHENG);
        assertThat(hecheng.select("#user-table tbody tr")).isEmpty();
        // the role filter offers every role by name, the county leader among them
        assertThat(first.select("#user-role option[value=LEADER]").text()).isEqualTo("县领导");
    }

    @Test
    void badParametersAre400AndMissingAccounts404() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        for (String path : List.of("/admin/users?role=KING", "/admin/users?status=SLEEPING", "/admin/users?page=-3",
                "/admin/users?page=abc", "/admin/users?division=999999999999")) {
            mvc.perform(get(path).session(admin)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/admin/users/nobody-" + System.nanoTime() + "/password").session(admin))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/nobody-" + System.nanoTime() + "/unlock").session(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/nobody-" + System.nanoTime() + "/enabled").param("enabled", "false")
                .session(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/admin/enabled").param("enabled", "perhaps").session(admin).with(csrf()))
                .andExpect(status().isBadRequest());
        // the auditor reads the list, changes nothing
        MockHttpSession auditor = login(Accounts.create(mvc, "AUDITOR", PlatformTest.COUNTY), Accounts.PASSWORD);
        Document list = page(auditor, "/admin/users");
        assertThat(list.select("#new-user")).isEmpty();
        mvc.perform(get("/admin/users/new").session(auditor)).andExpect(status().isForbidden());
    }

    @Test
    void theNewAccountFormPicksTheDivisionByNameAndExplainsInChinese() throws Exception {
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document form = page(admin, "/admin/users/new");
        assertThat(form.select("form [data-picker] input[type=hidden][name=divisionCode]")).hasSize(1);
        assertThat(form.select("select[name=divisionCode]")).isEmpty();
        assertThat(form.select("input[name=roles][value=LEADER]")).hasSize(1);
        assertThat(latinWords(form.body())).isEmpty();

        // no division chosen: said in Chinese, beside the field, nothing created
        String username = Accounts.unique("form");
        Document missing = Jsoup.parse(mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", username).param("displayName", "李明").param("password", "Qingtian#2026x")
                        .param("roles", "LEADER").param("divisionCode", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(missing.text()).contains("请选择一个有效的行政区划");
        // a county leader scoped to a township: the role is named in Chinese, not as a code
        Document level = Jsoup.parse(mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", username).param("displayName", "李明").param("password", "Qingtian#2026x")
                        .param("roles", "LEADER").param("divisionCode", PlatformTest.OUNAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(level.text()).contains("所选区划的层级与角色“县领导”不符").doesNotContain("LEADER");
        assertThat(level.select("[data-picker] input[type=search]").val()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from identity.user_account where username = :u").param("u", username)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/admin/users").session(admin).with(csrf())
                        .param("username", username).param("displayName", "李明").param("password", "Qingtian#2026x")
                        .param("roles", "LEADER").param("divisionCode", PlatformTest.COUNTY))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from identity.user_account where username = :u").param("u", username)
                .query(Long.class).single()).isOne();
    }

    @Test
    void administratorsSeeLockedAndUnusedAccountsOfTheirScopeInTheirInbox() throws Exception {
        Instant now = clock.instant();
        CurrentUser ounanAdmin = new CurrentUser(-1, "inbox-test", "测试管理员", Set.of(Role.COUNTY_ADMIN),
                PlatformTest.OUNAN, null);
        CurrentUser clerk = new CurrentUser(-2, "inbox-clerk", "测试文员", Set.of(Role.TOWNSHIP_STAFF),
                PlatformTest.OUNAN, null);
        long locked = count(ounanAdmin, "users.inbox.locked");
        long unused = count(ounanAdmin, "users.inbox.never-used");

        String lockedName = account("locked", "锁定者", Role.BUTLER, PlatformTest.OUNAN, now,
                now.plus(Duration.ofMinutes(15)));
        account("unused", "未用者", Role.BUTLER, PlatformTest.OUNAN, now.minus(Duration.ofDays(8)), null);
        account("recent", "新账号", Role.BUTLER, PlatformTest.OUNAN, now.minus(Duration.ofDays(2)), null);
        // another township's accounts are not this administrator's work
        account("elsewhere", "别处", Role.BUTLER, PlatformTest.HECHENG, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofMinutes(15)));

        assertThat(count(ounanAdmin, "users.inbox.locked")).isEqualTo(locked + 1);
        assertThat(count(ounanAdmin, "users.inbox.never-used")).isEqualTo(unused + 1);
        assertThat(inbox.itemsFor(ounanAdmin)).extracting(WorkItem::path)
                .contains("/admin/users?status=LOCKED", "/admin/users?status=NEVER_USED");
        assertThat(inbox.itemsFor(clerk)).isEmpty();

        // unlocking is the work done: the count goes down, and the filtered list showed the account
        MockHttpSession admin = login(PlatformTest.ADMIN, PlatformTest.ADMIN_PASSWORD);
        Document lockedList = page(admin, "/admin/users?status=LOCKED&division=" + PlatformTest.OUNAN);
        assertThat(lockedList.select("#user-table tbody tr").eachAttr("data-username")).contains(lockedName);
        mvc.perform(post("/admin/users/" + lockedName + "/unlock").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count(ounanAdmin, "users.inbox.locked")).isEqualTo(locked);
    }

    @Test
    void auditorsSeeTheWeeksRefusalsAndExportsInTheirInbox() {
        CurrentUser auditor = new CurrentUser(-4, "inbox-auditor", "测试审计员", Set.of(Role.AUDITOR),
                PlatformTest.COUNTY, null);
        long refused = count(auditorInbox.itemsFor(auditor), "audit.inbox.refused");
        long exported = count(auditorInbox.itemsFor(auditor), "audit.inbox.exported");
        trail.record(AuditRecord.of("ACCESS_REFUSED", "/persons/1", AuditOutcome.DENIED, "method=GET status=404")
                .by("inbox-someone"));
        trail.record(AuditRecord.success("LIST_EXPORTED", "list:persons", "rows=3").by("inbox-someone"));
        trail.record(AuditRecord.success("PERSON_SEARCH", "persons", "results=3").by("inbox-someone"));
        assertThat(count(auditorInbox.itemsFor(auditor), "audit.inbox.refused")).isEqualTo(refused + 1);
        assertThat(count(auditorInbox.itemsFor(auditor), "audit.inbox.exported")).isEqualTo(exported + 1);
        assertThat(auditorInbox.itemsFor(auditor)).extracting(WorkItem::path)
                .anySatisfy(path -> assertThat(path).startsWith("/audit?outcome=DENIED&from="));
        // administrators read the trail when they need to; it is not their daily work
        assertThat(auditorInbox.itemsFor(new CurrentUser(-5, "inbox-admin", "测试管理员", Set.of(Role.COUNTY_ADMIN),
                PlatformTest.COUNTY, null))).isEmpty();
    }

    private static long count(List<WorkItem> items, String labelKey) {
        return items.stream().filter(i -> i.labelKey().equals(labelKey)).mapToLong(WorkItem::count).sum();
    }

    private long count(CurrentUser user, String labelKey) {
        return inbox.itemsFor(user).stream().filter(i -> i.labelKey().equals(labelKey)).mapToLong(WorkItem::count)
                .sum();
    }
}
