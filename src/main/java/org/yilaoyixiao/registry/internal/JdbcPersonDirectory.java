package org.yilaoyixiao.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.RecordStatus;

@Component
class JdbcPersonDirectory implements PersonDirectory {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;

    JdbcPersonDirectory(JdbcClient jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
    }

    @Override
    public Optional<PersonSummary> findByIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, name, birth_date, residence_division_code, id_number_masked, status, death_date
                        from registry.person where id_number_index = :index
                        """)
                .param("index", blindIndex.of(idNumber.strip().toUpperCase()))
                .query(JdbcPersonDirectory::summary).optional();
    }

    @Override
    public List<PersonSummary> syntheticPeopleBornBetween(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select id, name, birth_date, residence_division_code, id_number_masked, status, death_date
                        from registry.person
                        where synthetic and status = 'ACTIVE' and birth_date between :from and :to
                        order by birth_date, id limit :limit
                        """)
                .param("from", from).param("to", to).param("limit", Math.max(limit, 0))
                .query(JdbcPersonDirectory::summary).list();
    }

    private static PersonSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PersonSummary(rs.getLong("id"), rs.getString("name"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("residence_division_code"),
                rs.getString("id_number_masked"), RecordStatus.valueOf(rs.getString("status")),
                rs.getObject("death_date", LocalDate.class));
    }

    @Override
    public Optional<PersonSummary> find(long id) {
        return jdbc.sql("""
                        select id, name, birth_date, residence_division_code, id_number_masked, status, death_date
                        from registry.person where id = :id
                        """)
                .param("id", id)
                .query(JdbcPersonDirectory::summary).optional();
    }
}
