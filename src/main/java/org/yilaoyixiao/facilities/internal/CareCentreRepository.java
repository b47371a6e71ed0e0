package org.yilaoyixiao.facilities.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.yilaoyixiao.facilities.CareCentreKind;
import org.yilaoyixiao.facilities.CommunityService;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;

/** Rows of {@code facilities.care_centre}. */
@Repository
class CareCentreRepository {

    private static final String COLUMNS = "id, name, division_code, kind, services, opening_hours, synthetic, version";

    private final JdbcClient jdbc;

    CareCentreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CareCentreRecord r, String actor, boolean synthetic) {
        return jdbc.sql("""
                        insert into facilities.care_centre (name, division_code, kind, services, opening_hours,
                            synthetic, created_by)
                        values (:name, :division, :kind, cast(:services as varchar[]), :hours, :synthetic, :actor)
                        returning id
                        """)
                .param("name", r.name()).param("division", r.divisionCode()).param("kind", r.kind().name())
                .param("services", arrayLiteral(r.services())).param("hours", r.openingHours())
                .param("synthetic", synthetic).param("actor", actor).query(Long.class).single();
    }

    Optional<CareCentreRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from facilities.care_centre where id = :id").param("id", id)
                .query(CareCentreRepository::map).optional();
    }

    PageResponse<CareCentreRecord> search(Set<String> divisions, CareCentreKind kind, CommunityService service,
                                          PageRequest page) {
        String where = " where division_code = any(:codes)" + (kind == null ? "" : " and kind = :kind")
                + (service == null ? "" : " and :service = any(services)");
        Map<String, Object> p = new HashMap<>();
        p.put("codes", divisions.toArray(String[]::new));
        if (kind != null) {
            p.put("kind", kind.name());
        }
        if (service != null) {
            p.put("service", service.name());
        }
        long total = jdbc.sql("select count(*) from facilities.care_centre" + where).params(p).query(Long.class).single();
        List<CareCentreRecord> rows = jdbc.sql("select " + COLUMNS + " from facilities.care_centre" + where
                        + " order by division_code, kind, id limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(CareCentreRepository::map).list();
        return new PageResponse<>(rows, page.page(), page.size(), total);
    }

    static String arrayLiteral(Collection<? extends Enum<?>> values) {
        return "{" + String.join(",", values.stream().map(Enum::name).sorted().toList()) + "}";
    }

    private static CareCentreRecord map(ResultSet rs, int row) throws SQLException {
        Set<CommunityService> services = EnumSet.noneOf(CommunityService.class);
        Array array = rs.getArray("services");
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(CommunityService::valueOf)
                    .forEach(services::add);
        }
        return new CareCentreRecord(rs.getLong("id"), rs.getString("name"), rs.getString("division_code"),
                CareCentreKind.valueOf(rs.getString("kind")), services, rs.getString("opening_hours"),
                rs.getBoolean("synthetic"), rs.getInt("version"));
    }
}
