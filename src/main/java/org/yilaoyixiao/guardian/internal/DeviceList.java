package org.yilaoyixiao.guardian.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The device list: devices in a data scope, filtered, with the bound elder masked (registry's published view). */
@Repository
class DeviceList {

    static final int LIMIT = 500;
    /** Below this battery percentage a device is listed as low. */
    static final int LOW_BATTERY = 20;

    enum Status { ONLINE, OFFLINE, LOW_BATTERY, NEVER_SEEN }

    record Row(String deviceId, DeviceType type, long personId, String elderMasked, String idNumberMasked,
               String divisionCode, Instant lastSeenAt, Double battery, boolean offline) {

        public boolean lowBattery() {
            return battery != null && battery < LOW_BATTERY;
        }
    }

    private final JdbcClient jdbc;

    DeviceList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the devices of the scope, by village, elder and device, with the total. */
    org.yilaoyixiao.platform.api.PageResponse<Row> list(Set<String> scope, String township, DeviceType type,
                                                        Status status, org.yilaoyixiao.platform.api.PageRequest page) {
        if (scope.isEmpty()) {
            return new org.yilaoyixiao.platform.api.PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where d.division_code in (:scope)");
        if (township != null) {
            where.append(" and d.division_code like :township");
        }
        if (type != null) {
            where.append(" and d.type = :type");
        }
        if (status != null) {
            where.append(switch (status) {
                case ONLINE -> " and not d.offline and d.last_seen_at is not null";
                case OFFLINE -> " and d.offline";
                case LOW_BATTERY -> " and d.battery < " + LOW_BATTERY;
                case NEVER_SEEN -> " and d.last_seen_at is null";
            });
        }
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", scope);
        if (township != null) {
            params.put("township", township + "%");
        }
        if (type != null) {
            params.put("type", type.name());
        }
        long total = jdbc.sql("select count(*) from guardian.device d" + where).params(params).query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("""
                select d.device_id, d.type, d.person_id, p.name, p.id_number_masked, d.division_code, d.last_seen_at,
                       d.battery::float8, d.offline
                from guardian.device d left join registry.published_person p on p.id = d.person_id"""
                        + where + " order by d.division_code, d.person_id, d.device_id limit :size offset :offset")
                .params(params).param("size", page.size()).param("offset", page.offset()).query((rs, i) -> {
            OffsetDateTime seen = rs.getObject(7, OffsetDateTime.class);
            return new Row(rs.getString(1), DeviceType.valueOf(rs.getString(2)), rs.getLong(3), mask(rs.getString(4)),
                    rs.getString(5), rs.getString(6), seen == null ? null : seen.toInstant(), (Double) rs.getObject(8),
                    rs.getBoolean(9));
        }).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(rows, page.page(), page.size(), total);
    }

    /** 叶小明 → 叶*明, 叶明 → 叶*: enough for a clerk to tell elders apart, not to read out a name. */
    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] chars = name.codePoints().toArray();
        if (chars.length == 1) {
            return name;
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(Math.max(1, chars.length - 2)));
        if (chars.length > 2) {
            masked.appendCodePoint(chars[chars.length - 1]);
        }
        return masked.toString();
    }
}
