package org.yilaoyixiao.registry.internal;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Records that may describe the same person under two ID numbers (a typo, a re-issued number): the same name and
 * birth date in the same township. Listed for a clerk to review, never merged automatically.
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

    record Group(String townshipCode, String name, LocalDate birthDate, List<Long> personIds) {
    }

    List<Group> within(CurrentUser actor) {
        return jdbc.sql("""
                        select township_code, name, birth_date, array_agg(id order by id) as ids
                        from registry.person
                        where residence_division_code = any(:codes) and status = 'ACTIVE'
                        group by township_code, name, birth_date
                        having count(*) > 1
                        order by count(*) desc, township_code, name
                        limit :limit
                        """)
                .param("codes", divisions.subtreeCodes(actor.divisionCode()).toArray(String[]::new))
                .param("limit", LIMIT)
                .query((rs, i) -> {
                    Array ids = rs.getArray("ids");
                    return new Group(rs.getString("township_code"), rs.getString("name"),
                            rs.getDate("birth_date").toLocalDate(),
                            Arrays.stream((Object[]) ids.getArray()).map(o -> ((Number) o).longValue()).toList());
                })
                .list();
    }
}
