package org.yilaoyixiao.facilities.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.facilities.StaffRole;
import org.yilaoyixiao.facilities.TalentTitle;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/** Rows of {@code facilities.staff_member} and their certificates. */
@Repository
class StaffRepository {

    private static final String COLUMNS = "s.id, s.name, s.role, s.institution_id, s.provider_id, s.division_code, "
            + "s.talent_titles, s.synthetic";

    /** Filters of a staff list; null means any. {@code certifiedOn}: only staff with a valid certificate that day. */
    record Filter(Set<String> divisions, StaffRole role, Long institutionId, Long providerId, LocalDate certifiedOn,
                  LocalDate expiringFrom, LocalDate expiringUntil) {

        Filter(Set<String> divisions, StaffRole role, Long institutionId, Long providerId, LocalDate certifiedOn) {
            this(divisions, role, institutionId, providerId, certifiedOn, null, null);
        }
    }

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(StaffRecord r, String actor, boolean synthetic) {
        long id = jdbc.sql("""
                        insert into facilities.staff_member (name, role, institution_id, provider_id, division_code,
                            talent_titles, synthetic, created_by)
                        values (:name, :role, :institution, :provider, :division, cast(:titles as varchar[]),
                            :synthetic, :actor)
                        returning id
                        """)
                .param("name", r.name()).param("role", r.role().name()).param("institution", r.institutionId())
                .param("provider", r.providerId()).param("division", r.divisionCode())
                .param("titles", CareCentreRepository.arrayLiteral(r.talentTitles())).param("synthetic", synthetic)
                .param("actor", actor).query(Long.class).single();
        for (Certificate c : r.certificates()) {
            jdbc.sql("insert into facilities.staff_certificate (staff_id, certificate_type, number, level, valid_until)"
                            + " values (:id, :type, :number, :level, :until)")
                    .param("id", id).param("type", c.type()).param("number", c.number()).param("level", c.level())
                    .param("until", c.validUntil()).update();
        }
        return id;
    }

    Optional<StaffRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from facilities.staff_member s where s.id = :id").param("id", id)
                .query(StaffRepository::map).optional()
                .map(s -> s.withCertificates(certificates(List.of(id)).getOrDefault(id, List.of())));
    }

    PageResponse<StaffRecord> search(Filter filter, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String where = where(filter, p);
        long total = jdbc.sql("select count(*) from facilities.staff_member s" + where).params(p)
                .query(Long.class).single();
        List<StaffRecord> rows = jdbc.sql("select " + COLUMNS + " from facilities.staff_member s" + where
                        + " order by s.name, s.id limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(StaffRepository::map).list();
        Map<Long, List<Certificate>> certificates = certificates(rows.stream().map(StaffRecord::id).toList());
        return new PageResponse<>(rows.stream()
                .map(s -> s.withCertificates(certificates.getOrDefault(s.id(), List.of()))).toList(),
                page.page(), page.size(), total);
    }

    long count(Filter filter) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("select count(*) from facilities.staff_member s" + where(filter, p)).params(p)
                .query(Long.class).single();
    }

    /** Certificates that are still valid on {@code from} and expire by {@code until}, soonest first. */
    List<ExpiringCertificate> expiring(Set<String> divisions, LocalDate from, LocalDate until, int limit) {
        return jdbc.sql("""
                        select s.id as staff_id, s.name, s.role, c.id, c.certificate_type, c.number, c.level,
                            c.valid_until
                        from facilities.staff_certificate c join facilities.staff_member s on s.id = c.staff_id
                        where s.division_code = any(:codes) and c.valid_until between :from and :until
                        order by c.valid_until, s.name, c.id limit :limit
                        """)
                .param("codes", divisions.toArray(String[]::new)).param("from", from).param("until", until)
                .param("limit", limit)
                .query((rs, i) -> new ExpiringCertificate(rs.getLong("staff_id"), rs.getString("name"),
                        StaffRole.valueOf(rs.getString("role")), certificate(rs)))
                .list();
    }

    /** A renewed certificate: its new number and validity replace the old ones (the old ones are in the audit). */
    boolean renew(long staffId, long certificateId, String number, LocalDate validUntil) {
        return jdbc.sql("""
                        update facilities.staff_certificate set number = :number, valid_until = :until
                        where id = :id and staff_id = :staff
                        """)
                .param("number", number).param("until", validUntil).param("id", certificateId)
                .param("staff", staffId).update() == 1;
    }

    /** How many certificates in the divisions are still valid on {@code from} and expire by {@code until}. */
    long countExpiring(Set<String> divisions, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select count(*) from facilities.staff_certificate c
                        join facilities.staff_member s on s.id = c.staff_id
                        where s.division_code = any(:codes) and c.valid_until between :from and :until
                        """)
                .param("codes", divisions.toArray(String[]::new)).param("from", from).param("until", until)
                .query(Long.class).single();
    }

    record ExpiringCertificate(long staffId, String staffName, StaffRole role, Certificate certificate) {
    }

    private static String where(Filter f, Map<String, Object> p) {
        StringBuilder where = new StringBuilder(" where s.division_code = any(:codes)");
        p.put("codes", f.divisions().toArray(String[]::new));
        if (f.role() != null) {
            where.append(" and s.role = :role");
            p.put("role", f.role().name());
        }
        if (f.institutionId() != null) {
            where.append(" and s.institution_id = :institution");
            p.put("institution", f.institutionId());
        }
        if (f.providerId() != null) {
            where.append(" and s.provider_id = :provider");
            p.put("provider", f.providerId());
        }
        if (f.certifiedOn() != null) {
            where.append(" and exists (select 1 from facilities.staff_certificate c where c.staff_id = s.id"
                    + " and c.valid_until >= :certifiedOn)");
            p.put("certifiedOn", f.certifiedOn());
        }
        if (f.expiringFrom() != null && f.expiringUntil() != null) {
            where.append(" and exists (select 1 from facilities.staff_certificate c where c.staff_id = s.id"
                    + " and c.valid_until between :expiringFrom and :expiringUntil)");
            p.put("expiringFrom", f.expiringFrom());
            p.put("expiringUntil", f.expiringUntil());
        }
        return where.toString();
    }

    private Map<Long, List<Certificate>> certificates(Collection<Long> ids) {
        Map<Long, List<Certificate>> certificates = new HashMap<>();
        if (ids.isEmpty()) {
            return certificates;
        }
        jdbc.sql("select staff_id, id, certificate_type, number, level, valid_until from facilities.staff_certificate"
                        + " where staff_id = any(:ids) order by valid_until, id")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> {
                    certificates.computeIfAbsent(rs.getLong("staff_id"), k -> new ArrayList<>()).add(certificate(rs));
                    return null;
                }).list();
        return certificates;
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getString("certificate_type"), rs.getString("number"),
                rs.getString("level"), rs.getDate("valid_until").toLocalDate());
    }

    private static StaffRecord map(ResultSet rs, int row) throws SQLException {
        Set<TalentTitle> titles = EnumSet.noneOf(TalentTitle.class);
        Array array = rs.getArray("talent_titles");
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(TalentTitle::valueOf)
                    .forEach(titles::add);
        }
        return new StaffRecord(rs.getLong("id"), rs.getString("name"), StaffRole.valueOf(rs.getString("role")),
                rs.getObject("institution_id", Long.class), rs.getObject("provider_id", Long.class),
                rs.getString("division_code"), titles, List.of(), rs.getBoolean("synthetic"));
    }
}
