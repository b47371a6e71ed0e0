package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Records that may describe the same person under two ID numbers (a typo, a re-issued number): the same name and
 * birth date in the same township. Listed for a clerk to review, never merged automatically.
 */
@Component
class LikelyDuplicates {

    static final int LIMIT = 200;
    /** The inbox shows how many groups wait; counting them groups the whole scope, so the count is kept a while. */
    static final Duration COUNT_KEPT = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final Clock clock;
    private final Map<String, Counted> counts = new ConcurrentHashMap<>();

    LikelyDuplicates(JdbcClient jdbc, DivisionDirectory divisions, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** One record of a group, as the clerk tells them apart: name, village, masked ID number. */
    record Member(long id, String residenceDivisionCode, String idNumberMasked) {
    }

    record Group(String townshipCode, String name, LocalDate birthDate, List<Member> members) {

        List<Long> personIds() {
            return members.stream().map(Member::id).toList();
        }
    }

    private record Counted(long groups, Instant at) {
    }

    private static final String GROUPS = """
            from registry.person
            where residence_division_code = any(:codes) and status = 'ACTIVE'
            group by township_code, name, birth_date
            having count(*) > 1
            """;

    /** The groups in the actor's scope, the largest first. */
    List<Group> within(CurrentUser actor) {
        return page(actor, new PageRequest(0, LIMIT)).items();
    }

    PageResponse<Group> page(CurrentUser actor, PageRequest page) {
        String[] codes = codes(actor);
        long[] total = {-1};
        List<Group> groups = jdbc.sql("""
                        select township_code, name, birth_date, count(*) over () as groups,
                               array_agg(id order by id) as ids,
                               array_agg(residence_division_code order by id) as residences,
                               array_agg(id_number_masked order by id) as masked
                        """ + GROUPS + """
                        order by count(*) desc, township_code, name, birth_date
                        limit :limit offset :offset
                        """)
                .param("codes", codes)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> {
                    total[0] = rs.getLong("groups");
                    Object[] ids = (Object[]) rs.getArray("ids").getArray();
                    Object[] residences = (Object[]) rs.getArray("residences").getArray();
                    Object[] masked = (Object[]) rs.getArray("masked").getArray();
                    List<Member> members = new ArrayList<>();
                    for (int m = 0; m < ids.length; m++) {
                        members.add(new Member(((Number) ids[m]).longValue(), (String) residences[m],
                                (String) masked[m]));
                    }
                    return new Group(rs.getString("township_code"), rs.getString("name"),
                            rs.getDate("birth_date").toLocalDate(), List.copyOf(members));
                })
                .list();
        // the window count comes with the rows; a page past the end has none, so count then
        long groupsInScope = total[0] >= 0 ? total[0] : page.page() == 0 ? 0 : countNow(codes);
        remember(actor.divisionCode(), groupsInScope);
        return new PageResponse<>(groups, page.page(), page.size(), groupsInScope);
    }

    /** How many groups wait in the actor's scope, counted at most every {@link #COUNT_KEPT}. */
    long count(CurrentUser actor) {
        Counted known = counts.get(actor.divisionCode());
        Instant now = clock.instant();
        if (known != null && known.at().plus(COUNT_KEPT).isAfter(now)) {
            return known.groups();
        }
        long groups = countNow(codes(actor));
        remember(actor.divisionCode(), groups);
        return groups;
    }

    /** Records changed: the kept counts may be wrong now. */
    void forget() {
        counts.clear();
    }

    private void remember(String scope, long groups) {
        counts.put(scope, new Counted(groups, clock.instant()));
    }

    private long countNow(String[] codes) {
        return jdbc.sql("select count(*) from (select 1 " + GROUPS + ") g").param("codes", codes)
                .query(Long.class).single();
    }

    private String[] codes(CurrentUser actor) {
        return divisions.subtreeCodes(actor.divisionCode()).toArray(String[]::new);
    }
}
