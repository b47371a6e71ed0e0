package org.yilaoyixiao.registry.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.Sex;

/** Rows of {@code registry.person}. The ID number goes in and out only as ciphertext and blind index. */
@Repository
class PersonRepository {

    static final String COLUMNS = "id, id_number_masked, name, sex, birth_date, phone, residence_division_code, "
            + "township_code, local_hukou, economic_status, living_situation, death_date, status, synthetic, "
            + "created_at, updated_at, version";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The data of a new or changed person; the ID number already encrypted and indexed. */
    record PersonRow(byte[] idNumberCipher, byte[] idNumberIndex, String idNumberMasked, String name, Sex sex,
                     LocalDate birthDate, String phone, String residenceDivisionCode, String townshipCode,
                     boolean localHukou, EconomicStatus economicStatus, Set<LivingSituation> livingSituation,
                     LocalDate deathDate, RecordStatus status) {
    }

    long insert(PersonRow row, Instant now, String actor) {
        return jdbc.sql("""
                        insert into registry.person (id_number_cipher, id_number_index, id_number_masked, name, sex,
                            birth_date, phone, residence_division_code, township_code, local_hukou, economic_status,
                            living_situation, death_date, status, created_at, created_by, updated_at, updated_by)
                        values (:cipher, :index, :masked, :name, :sex, :birth, :phone, :residence, :township,
                            :hukou, :economic, cast(:living as varchar[]), :death, :status, :now, :actor, :now, :actor)
                        returning id
                        """)
                .param("cipher", row.idNumberCipher()).param("index", row.idNumberIndex())
                .param("masked", row.idNumberMasked()).param("name", row.name()).param("sex", row.sex().name())
                .param("birth", row.birthDate()).param("phone", row.phone())
                .param("residence", row.residenceDivisionCode()).param("township", row.townshipCode())
                .param("hukou", row.localHukou()).param("economic", row.economicStatus().name())
                .param("living", arrayLiteral(row.livingSituation())).param("death", row.deathDate())
                .param("status", row.status().name()).param("now", utc(now)).param("actor", actor)
                .query(Long.class).single();
    }

    /** Updates when the version still matches; returns whether it did. */
    boolean update(long id, int expectedVersion, PersonRow row, Instant now, String actor) {
        return jdbc.sql("""
                        update registry.person set id_number_cipher = :cipher, id_number_index = :index,
                            id_number_masked = :masked, name = :name, sex = :sex, birth_date = :birth, phone = :phone,
                            residence_division_code = :residence, township_code = :township, local_hukou = :hukou,
                            economic_status = :economic, living_situation = cast(:living as varchar[]),
                            death_date = :death, status = :status, updated_at = :now, updated_by = :actor,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("cipher", row.idNumberCipher()).param("index", row.idNumberIndex())
                .param("masked", row.idNumberMasked()).param("name", row.name()).param("sex", row.sex().name())
                .param("birth", row.birthDate()).param("phone", row.phone())
                .param("residence", row.residenceDivisionCode()).param("township", row.townshipCode())
                .param("hukou", row.localHukou()).param("economic", row.economicStatus().name())
                .param("living", arrayLiteral(row.livingSituation())).param("death", row.deathDate())
                .param("status", row.status().name()).param("now", utc(now)).param("actor", actor)
                .param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    Optional<PersonRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from registry.person where id = :id").param("id", id)
                .query(PersonRepository::map).optional();
    }

    Optional<PersonRecord> findByIdNumberIndex(byte[] index) {
        return jdbc.sql("select " + COLUMNS + " from registry.person where id_number_index = :index")
                .param("index", index).query(PersonRepository::map).optional();
    }

    Optional<byte[]> idNumberCipher(long id) {
        return jdbc.sql("select id_number_cipher from registry.person where id = :id").param("id", id)
                .query(byte[].class).optional();
    }

    static String arrayLiteral(Set<LivingSituation> flags) {
        return "{" + String.join(",", flags.stream().map(Enum::name).sorted().toList()) + "}";
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static PersonRecord map(ResultSet rs, int row) throws SQLException {
        Set<LivingSituation> flags = EnumSet.noneOf(LivingSituation.class);
        Array array = rs.getArray("living_situation");
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(LivingSituation::valueOf)
                    .forEach(flags::add);
        }
        Date death = rs.getDate("death_date");
        return new PersonRecord(rs.getLong("id"), rs.getString("id_number_masked"), rs.getString("name"),
                Sex.valueOf(rs.getString("sex")), rs.getDate("birth_date").toLocalDate(), rs.getString("phone"),
                rs.getString("residence_division_code"), rs.getString("township_code"), rs.getBoolean("local_hukou"),
                EconomicStatus.valueOf(rs.getString("economic_status")), flags,
                death == null ? null : death.toLocalDate(), RecordStatus.valueOf(rs.getString("status")),
                rs.getBoolean("synthetic"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
