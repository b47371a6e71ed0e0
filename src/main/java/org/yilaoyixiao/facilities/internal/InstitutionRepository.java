package org.yilaoyixiao.facilities.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.facilities.BedType;
import org.yilaoyixiao.facilities.InstitutionBeds;
import org.yilaoyixiao.facilities.InstitutionKind;
import org.yilaoyixiao.facilities.OperationModel;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.facilities.ProfitType;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/** Rows of {@code facilities.institution} and their beds. */
@Repository
class InstitutionRepository {

    private static final String COLUMNS = "id, name, division_code, operation_model, profit_type, kind, star_rating, "
            + "star_rated_on, premises, lease_ends_on, opened_on, medical_partnership, smart_care_home, synthetic, version";

    private final JdbcClient jdbc;

    InstitutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InstitutionRecord r, String actor, boolean synthetic) {
        long id = jdbc.sql("""
                        insert into facilities.institution (name, division_code, operation_model, profit_type, kind,
                            star_rating, star_rated_on, premises, lease_ends_on, opened_on, medical_partnership,
                            smart_care_home, synthetic, created_by, updated_by)
                        values (:name, :division, :model, :profit, :kind, :star, :starOn, :premises, :lease, :opened,
                            :medical, :smart, :synthetic, :actor, :actor)
                        returning id
                        """)
                .params(params(r)).param("synthetic", synthetic).param("actor", actor)
                .query(Long.class).single();
        insertBeds(id, r.beds());
        return id;
    }

    /** Updates when the version still matches; returns whether it did. */
    boolean update(long id, int version, InstitutionRecord r, String actor) {
        boolean updated = jdbc.sql("""
                        update facilities.institution set name = :name, division_code = :division,
                            operation_model = :model, profit_type = :profit, kind = :kind, star_rating = :star,
                            star_rated_on = :starOn, premises = :premises, lease_ends_on = :lease, opened_on = :opened,
                            medical_partnership = :medical, smart_care_home = :smart, updated_at = now(),
                            updated_by = :actor, version = version + 1
                        where id = :id and version = :version
                        """)
                .params(params(r)).param("actor", actor).param("id", id).param("version", version)
                .update() == 1;
        if (updated) {
            jdbc.sql("delete from facilities.institution_bed where institution_id = :id").param("id", id).update();
            insertBeds(id, r.beds());
        }
        return updated;
    }

    private void insertBeds(long id, List<InstitutionBeds> beds) {
        for (InstitutionBeds b : beds) {
            jdbc.sql("insert into facilities.institution_bed (institution_id, bed_type, approved, cognitive)"
                            + " values (:id, :type, :approved, :cognitive)")
                    .param("id", id).param("type", b.type().name()).param("approved", b.approved())
                    .param("cognitive", b.cognitive()).update();
        }
    }

    private static Map<String, Object> params(InstitutionRecord r) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("division", r.divisionCode());
        p.put("model", r.operationModel().name());
        p.put("profit", r.profitType().name());
        p.put("kind", r.kind().name());
        p.put("star", r.starRating());
        p.put("starOn", r.starRatedOn());
        p.put("premises", r.premises().name());
        p.put("lease", r.leaseEndsOn());
        p.put("opened", r.openedOn());
        p.put("medical", r.medicalPartnership());
        p.put("smart", r.smartCareHome());
        return p;
    }

    Optional<InstitutionRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from facilities.institution where id = :id").param("id", id)
                .query(InstitutionRepository::map).optional().map(r -> r.withBeds(beds(List.of(id)).getOrDefault(id, List.of())));
    }

    PageResponse<InstitutionRecord> search(Set<String> divisions, OperationModel model, InstitutionKind kind,
                                           PageRequest page) {
        String where = " where division_code = any(:codes)"
                + (model == null ? "" : " and operation_model = :model") + (kind == null ? "" : " and kind = :kind");
        Map<String, Object> p = new HashMap<>();
        p.put("codes", divisions.toArray(String[]::new));
        if (model != null) {
            p.put("model", model.name());
        }
        if (kind != null) {
            p.put("kind", kind.name());
        }
        long total = jdbc.sql("select count(*) from facilities.institution" + where).params(p).query(Long.class).single();
        List<InstitutionRecord> rows = jdbc.sql("select " + COLUMNS + " from facilities.institution" + where
                        + " order by name, id limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(InstitutionRepository::map).list();
        Map<Long, List<InstitutionBeds>> beds = beds(rows.stream().map(InstitutionRecord::id).toList());
        return new PageResponse<>(rows.stream().map(r -> r.withBeds(beds.getOrDefault(r.id(), List.of()))).toList(),
                page.page(), page.size(), total);
    }

    private Map<Long, List<InstitutionBeds>> beds(Collection<Long> ids) {
        Map<Long, List<InstitutionBeds>> beds = new HashMap<>();
        if (ids.isEmpty()) {
            return beds;
        }
        jdbc.sql("select institution_id, bed_type, approved, cognitive from facilities.institution_bed"
                        + " where institution_id = any(:ids) order by bed_type desc")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> {
                    beds.computeIfAbsent(rs.getLong("institution_id"), k -> new ArrayList<>())
                            .add(new InstitutionBeds(BedType.valueOf(rs.getString("bed_type")), rs.getInt("approved"),
                                    rs.getInt("cognitive")));
                    return null;
                }).list();
        return beds;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static InstitutionRecord map(ResultSet rs, int row) throws SQLException {
        return new InstitutionRecord(rs.getLong("id"), rs.getString("name"), rs.getString("division_code"),
                OperationModel.valueOf(rs.getString("operation_model")), ProfitType.valueOf(rs.getString("profit_type")),
                InstitutionKind.valueOf(rs.getString("kind")), rs.getObject("star_rating", Integer.class), date(rs, "star_rated_on"),
                Premises.valueOf(rs.getString("premises")), date(rs, "lease_ends_on"), date(rs, "opened_on"),
                rs.getBoolean("medical_partnership"), rs.getBoolean("smart_care_home"), rs.getBoolean("synthetic"),
                rs.getInt("version"), List.of());
    }
}
