package org.yilaoyixiao.facilities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.facilities.ChildcareClass;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.facilities.ChildcareProviderKind;
import org.yilaoyixiao.facilities.Premises;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/** Rows of {@code facilities.childcare_provider} and their classes. */
@Repository
class ProviderRepository {

    private static final String COLUMNS = "id, name, division_code, kind, filed, filed_on, approved_slots, affordable, "
            + "premises, lease_ends_on, completed_on, synthetic, version";

    private final JdbcClient jdbc;

    ProviderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProviderRecord r, String actor, boolean synthetic) {
        long id = jdbc.sql("""
                        insert into facilities.childcare_provider (name, division_code, kind, filed, filed_on,
                            approved_slots, affordable, premises, lease_ends_on, completed_on, synthetic, created_by, updated_by)
                        values (:name, :division, :kind, :filed, :filedOn, :slots, :affordable, :premises, :lease,
                            :completedOn, :synthetic, :actor, :actor)
                        returning id
                        """)
                .params(params(r)).param("synthetic", synthetic).param("actor", actor).query(Long.class).single();
        r.classes().forEach(c -> insertClass(id, c));
        return id;
    }

    /**
     * Updates when the version still matches. Classes keep their ids (enrolments will point at them): a class with an
     * id is changed, one without is added, one no longer listed is removed.
     */
    boolean update(long id, int version, ProviderRecord r, String actor) {
        boolean updated = jdbc.sql("""
                        update facilities.childcare_provider set name = :name, division_code = :division, kind = :kind,
                            filed = :filed, filed_on = :filedOn, approved_slots = :slots, affordable = :affordable,
                            premises = :premises, lease_ends_on = :lease, completed_on = :completedOn,
                            updated_at = now(), updated_by = :actor,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .params(params(r)).param("actor", actor).param("id", id).param("version", version).update() == 1;
        if (!updated) {
            return false;
        }
        List<Long> kept = new ArrayList<>();
        for (ChildcareClass c : r.classes()) {
            boolean changed = c.id() > 0 && jdbc.sql("update facilities.childcare_class set class_type = :type,"
                            + " capacity = :capacity where id = :cid and provider_id = :id")
                    .param("type", c.type().name()).param("capacity", c.capacity()).param("cid", c.id())
                    .param("id", id).update() == 1;
            kept.add(changed ? c.id() : insertClass(id, c));
        }
        jdbc.sql("delete from facilities.childcare_class where provider_id = :id and not (id = any(:kept))")
                .param("id", id).param("kept", kept.toArray(Long[]::new)).update();
        return true;
    }

    private long insertClass(long providerId, ChildcareClass c) {
        return jdbc.sql("insert into facilities.childcare_class (provider_id, class_type, capacity)"
                        + " values (:id, :type, :capacity) returning id")
                .param("id", providerId).param("type", c.type().name()).param("capacity", c.capacity())
                .query(Long.class).single();
    }

    private static Map<String, Object> params(ProviderRecord r) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", r.name());
        p.put("division", r.divisionCode());
        p.put("kind", r.kind().name());
        p.put("filed", r.filed());
        p.put("filedOn", r.filedOn());
        p.put("slots", r.approvedSlots());
        p.put("affordable", r.affordable());
        p.put("premises", r.premises().name());
        p.put("lease", r.leaseEndsOn());
        p.put("completedOn", r.completedOn());
        return p;
    }

    Optional<ProviderRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from facilities.childcare_provider where id = :id").param("id", id)
                .query(ProviderRepository::map).optional()
                .map(r -> r.withClasses(classes(List.of(id)).getOrDefault(id, List.of())));
    }

    PageResponse<ProviderRecord> search(Set<String> divisions, ChildcareProviderKind kind, Boolean filed,
                                        PageRequest page) {
        String where = " where division_code = any(:codes)" + (kind == null ? "" : " and kind = :kind")
                + (filed == null ? "" : " and filed = :filed");
        Map<String, Object> p = new HashMap<>();
        p.put("codes", divisions.toArray(String[]::new));
        if (kind != null) {
            p.put("kind", kind.name());
        }
        if (filed != null) {
            p.put("filed", filed);
        }
        long total = jdbc.sql("select count(*) from facilities.childcare_provider" + where).params(p)
                .query(Long.class).single();
        List<ProviderRecord> rows = jdbc.sql("select " + COLUMNS + " from facilities.childcare_provider" + where
                        + " order by name, id limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(ProviderRepository::map).list();
        Map<Long, List<ChildcareClass>> classes = classes(rows.stream().map(ProviderRecord::id).toList());
        return new PageResponse<>(rows.stream().map(r -> r.withClasses(classes.getOrDefault(r.id(), List.of())))
                .toList(), page.page(), page.size(), total);
    }

    private Map<Long, List<ChildcareClass>> classes(Collection<Long> ids) {
        Map<Long, List<ChildcareClass>> classes = new HashMap<>();
        if (ids.isEmpty()) {
            return classes;
        }
        jdbc.sql("select id, provider_id, class_type, capacity from facilities.childcare_class"
                        + " where provider_id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> {
                    classes.computeIfAbsent(rs.getLong("provider_id"), k -> new ArrayList<>())
                            .add(new ChildcareClass(rs.getLong("id"), ChildcareClassType.valueOf(rs.getString("class_type")),
                                    rs.getInt("capacity")));
                    return null;
                }).list();
        return classes;
    }

    private static ProviderRecord map(ResultSet rs, int row) throws SQLException {
        return new ProviderRecord(rs.getLong("id"), rs.getString("name"), rs.getString("division_code"),
                ChildcareProviderKind.valueOf(rs.getString("kind")), rs.getBoolean("filed"),
                InstitutionRepository.date(rs, "filed_on"), rs.getInt("approved_slots"), rs.getBoolean("affordable"),
                Premises.valueOf(rs.getString("premises")), InstitutionRepository.date(rs, "lease_ends_on"),
                InstitutionRepository.date(rs, "completed_on"), rs.getBoolean("synthetic"), rs.getInt("version"), List.of());
    }
}
