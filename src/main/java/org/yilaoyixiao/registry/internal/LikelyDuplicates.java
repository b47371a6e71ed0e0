package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Records that may describe the same person under two ID numbers (a typo, a re-issued number): the same name and
 * birth date in the same township. Listed for a clerk to review, never merged automatically. The keys shared by two or
 * more active records are kept in {@code registry.person_duplicate_key} by the statements that change people
 * (migration V18_12), so the page and the inbox read those few rows, not the whole registry; a nightly rebuild
 * catches pairs two concurrent transactions each counted alone.
 */
@Component
class LikelyDuplicates {

    static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;

    LikelyDuplicates(JdbcClient jdbc, DivisionDirectory divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** One record of a group, as the clerk tells them apart: name, village, masked ID number. */
    record Member(long id, String residenceDivisionCode, String idNumberMasked) {
    }

    record Group(String townshipCode, String name, LocalDate birthDate, List<Member> members) {

        List<Long> personIds() {
            return members.stream().map(Member::id).toList();
        }
    }

    /** The groups in the actor's scope, the largest first. */
    List<Group> within(CurrentUser actor) {
        return page(actor, new PageRequest(0, LIMIT)).items();
    }

    PageResponse<Group> page(CurrentUser actor, PageRequest page) {
        String[] codes = codes(actor);
        long total = count(codes);
        if (total == 0 || page.offset() >= total) {
            return new PageResponse<>(List.of(), page.page(), page.size(), total);
        }
        List<Group> groups = jdbc.sql("""
                        with page as (
                            select township_code, name, birth_date, members from registry.person_duplicate_key
                            where township_code = any(:codes)
                            order by members desc, township_code, name, birth_date
                            limit :limit offset :offset
                        )
                        select k.township_code, k.name, k.birth_date,
                               array_agg(p.id order by p.id) as ids,
                               array_agg(p.residence_division_code order by p.id) as residences,
                               array_agg(p.id_number_masked order by p.id) as masked
                        from page k
                        join registry.person p on p.township_code = k.township_code and p.name = k.name
                             and p.birth_date = k.birth_date and p.status = 'ACTIVE'
                             and p.residence_division_code = any(:codes)
                        group by k.township_code, k.name, k.birth_date, k.members
                        order by k.members desc, k.township_code, k.name, k.birth_date
                        """)
                .param("codes", codes)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> {
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
        return new PageResponse<>(groups, page.page(), page.size(), total);
    }

    /** How many groups wait in the actor's scope. */
    long count(CurrentUser actor) {
        return count(codes(actor));
    }

    /** The whole list again; nightly, when no clerk is at work. */
    @Scheduled(cron = "${yly.registry.duplicates-rebuild-cron:0 27 3 * * *}", zone = "Asia/Shanghai")
    void rebuild() {
        jdbc.sql("select registry.rebuild_person_duplicate_keys()").query().listOfRows();
    }

    private long count(String[] codes) {
        return jdbc.sql("select count(*) from registry.person_duplicate_key where township_code = any(:codes)")
                .param("codes", codes).query(Long.class).single();
    }

    private String[] codes(CurrentUser actor) {
        return divisions.subtreeCodes(actor.divisionCode()).toArray(String[]::new);
    }
}
