package org.yilaoyixiao.divisions.internal;

import java.util.ArrayList;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.time.BusinessTime;

@Repository
class JdbcDivisionDirectory implements DivisionDirectory {

    static final String COLUMNS = "code, name, level, parent_code, valid_from, valid_to, synthetic";
    private static final String VALID_ON = "valid_from <= :on and (valid_to is null or valid_to > :on)";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDivisionDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Division> find(String code) {
        return findAsOf(code, today());
    }

    @Override
    public Optional<Division> findAsOf(String code, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from divisions.division where code = :code and " + VALID_ON)
                .param("code", code).param("on", date)
                .query(JdbcDivisionDirectory::map).optional();
    }

    @Override
    public List<Division> children(String code) {
        return childrenAsOf(code, today());
    }

    @Override
    public List<Division> childrenAsOf(String code, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from divisions.division where parent_code = :code and " + VALID_ON
                        + " order by code")
                .param("code", code).param("on", date)
                .query(JdbcDivisionDirectory::map).list();
    }

    @Override
    public List<Division> subtree(String code) {
        return jdbc.sql("""
                        with recursive tree as (
                            select %1$s, cast(code as text) as sort_path from divisions.division where code = :code and %2$s
                            union all
                            select d.code, d.name, d.level, d.parent_code, d.valid_from, d.valid_to, d.synthetic,
                                   tree.sort_path || '/' || d.code
                            from divisions.division d join tree on d.parent_code = tree.code
                            where d.valid_from <= :on and (d.valid_to is null or d.valid_to > :on)
                        )
                        select %1$s from tree order by sort_path
                        """.formatted(COLUMNS, VALID_ON))
                .param("code", code).param("on", today())
                .query(JdbcDivisionDirectory::map).list();
    }

    @Override
    public Set<String> subtreeCodes(String code) {
        Set<String> codes = new LinkedHashSet<>();
        subtree(code).forEach(d -> codes.add(d.code()));
        return codes;
    }

    @Override
    public boolean isWithin(String scopeCode, String code) {
        if (scopeCode == null || code == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql("""
                        with recursive up(code) as (
                            select cast(:code as varchar)
                            union
                            select d.parent_code from divisions.division d join up on d.code = up.code
                            where d.parent_code is not null
                        )
                        select exists (select 1 from up where code = :scope)
                        """)
                .param("code", code).param("scope", scopeCode)
                .query(Boolean.class).single());
    }

    @Override
    public List<Division> path(String code) {
        List<Division> path = new ArrayList<>();
        Optional<Division> current = find(code);
        while (current.isPresent()) {
            path.add(0, current.get());
            String parent = current.get().parentCode();
            current = parent == null ? Optional.empty() : find(parent);
        }
        return path;
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    static Division map(ResultSet rs, int row) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new Division(rs.getString("code"), rs.getString("name"), DivisionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(), rs.getBoolean("synthetic"));
    }
}
