package org.yilaoyixiao.services.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.services.ServiceCategory;

/** The menu: items with their availability, providers and what they offer, basic butler packages. */
@Repository
class MenuRepository {

    private static final String ITEM = """
            select i.id, i.code, i.category, i.name, i.unit, i.price, i.active, i.synthetic,
                   coalesce((select array_agg(a.division_code order by a.division_code)
                             from services.item_availability a where a.item_id = i.id), '{}') as available_in
            from services.service_item i
            """;

    private final JdbcClient jdbc;

    MenuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceItem> items() {
        return jdbc.sql(ITEM + " order by i.category, i.code").query(MenuRepository::item).list();
    }

    /** A page of the menu, by category and code. */
    org.yilaoyixiao.platform.api.PageResponse<ServiceItem> page(org.yilaoyixiao.platform.api.PageRequest request) {
        long total = jdbc.sql("select count(*) from services.service_item").query(Long.class).single();
        List<ServiceItem> found = jdbc.sql(ITEM + " order by i.category, i.code limit :size offset :offset")
                .param("size", request.size()).param("offset", request.offset()).query(MenuRepository::item).list();
        return new org.yilaoyixiao.platform.api.PageResponse<>(found, request.page(), request.size(), total);
    }

    boolean makeUnavailable(long itemId, String divisionCode) {
        return jdbc.sql("delete from services.item_availability where item_id = :i and division_code = :d")
                .param("i", itemId).param("d", divisionCode).update() > 0;
    }

    Optional<ServiceItem> item(long id) {
        return jdbc.sql(ITEM + " where i.id = :id").param("id", id).query(MenuRepository::item).optional();
    }

    Optional<ServiceItem> itemByCode(String code) {
        return jdbc.sql(ITEM + " where i.code = :code").param("code", code).query(MenuRepository::item).optional();
    }

    long insertItem(String code, ServiceCategory category, String name, String unit, BigDecimal price,
                    boolean synthetic) {
        return jdbc.sql("""
                        insert into services.service_item (code, category, name, unit, price, synthetic)
                        values (:code, :category, :name, :unit, :price, :synthetic) returning id
                        """)
                .param("code", code).param("category", category.name()).param("name", name).param("unit", unit)
                .param("price", price).param("synthetic", synthetic).query(Long.class).single();
    }

    void reprice(long itemId, BigDecimal price) {
        jdbc.sql("update services.service_item set price = :price where id = :id").param("price", price)
                .param("id", itemId).update();
    }

    void makeAvailable(long itemId, String divisionCode) {
        jdbc.sql("insert into services.item_availability (item_id, division_code) values (:i, :d) on conflict do nothing")
                .param("i", itemId).param("d", divisionCode).update();
    }

    boolean anyItems() {
        return jdbc.sql("select exists (select 1 from services.service_item)").query(Boolean.class).single();
    }

    record Provider(long id, String kind, String name, String divisionCode, Long facilityId, Long teamId,
                    boolean synthetic, List<Long> itemIds) {
    }

    private static final String PROVIDER = """
            select p.id, p.kind, p.name, p.division_code, p.facility_id, p.team_id, p.synthetic,
                   coalesce((select array_agg(pi.item_id order by pi.item_id) from services.provider_item pi
                             where pi.provider_id = p.id), '{}') as item_ids
            from services.provider p
            """;

    List<Provider> providers() {
        return jdbc.sql(PROVIDER + " order by p.kind, p.id").query(MenuRepository::provider).list();
    }

    Optional<Provider> provider(long id) {
        return jdbc.sql(PROVIDER + " where p.id = :id").param("id", id).query(MenuRepository::provider).optional();
    }

    /** Providers offering the item. */
    List<Provider> providersOf(long itemId) {
        return jdbc.sql(PROVIDER + " where exists (select 1 from services.provider_item pi where pi.provider_id = p.id"
                        + " and pi.item_id = :item) order by p.id")
                .param("item", itemId).query(MenuRepository::provider).list();
    }

    long insertProvider(String kind, String name, String divisionCode, Long facilityId, Long teamId,
                        boolean synthetic) {
        return jdbc.sql("""
                        insert into services.provider (kind, name, division_code, facility_id, team_id, synthetic)
                        values (:kind, :name, :division, :facility, :team, :synthetic) returning id
                        """)
                .param("kind", kind).param("name", name).param("division", divisionCode)
                .param("facility", facilityId).param("team", teamId).param("synthetic", synthetic)
                .query(Long.class).single();
    }

    void offer(long providerId, long itemId) {
        jdbc.sql("insert into services.provider_item (provider_id, item_id) values (:p, :i) on conflict do nothing")
                .param("p", providerId).param("i", itemId).update();
    }

    record PackageItem(String itemCode, String itemName, int unitsPerMonth) {
    }

    record ButlerPackage(long id, String code, String name, BigDecimal price, boolean synthetic,
                         List<PackageItem> items) {
    }

    List<ButlerPackage> packages() {
        return jdbc.sql("select id, code, name, price, synthetic from services.butler_package order by code")
                .query((rs, i) -> new ButlerPackage(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getBigDecimal("price"), rs.getBoolean("synthetic"), packageItems(rs.getLong("id"))))
                .list();
    }

    private List<PackageItem> packageItems(long packageId) {
        return jdbc.sql("""
                        select i.code, i.name, pi.units_per_month from services.package_item pi
                        join services.service_item i on i.id = pi.item_id where pi.package_id = :p order by i.code
                        """)
                .param("p", packageId)
                .query((rs, i) -> new PackageItem(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    long insertPackage(String code, String name, BigDecimal price, boolean synthetic) {
        return jdbc.sql("""
                        insert into services.butler_package (code, name, price, synthetic)
                        values (:code, :name, :price, :synthetic) returning id
                        """)
                .param("code", code).param("name", name).param("price", price).param("synthetic", synthetic)
                .query(Long.class).single();
    }

    void packageItem(long packageId, long itemId, int unitsPerMonth) {
        jdbc.sql("insert into services.package_item (package_id, item_id, units_per_month) values (:p, :i, :u)")
                .param("p", packageId).param("i", itemId).param("u", unitsPerMonth).update();
    }

    record Subscription(long id, long personId, String packageCode, String packageName, java.time.LocalDate from,
                        java.time.LocalDate to) {
    }

    List<Subscription> subscriptions(long personId) {
        return jdbc.sql("""
                        select s.id, s.person_id, p.code, p.name, s.from_date, s.to_date
                        from services.package_subscription s join services.butler_package p on p.id = s.package_id
                        where s.person_id = :person order by s.from_date desc, s.id desc
                        """)
                .param("person", personId)
                .query((rs, i) -> new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class)))
                .list();
    }

    long subscribe(long personId, long packageId, java.time.LocalDate from, String actor) {
        return jdbc.sql("""
                        insert into services.package_subscription (person_id, package_id, from_date, created_by)
                        values (:person, :package, :from, :actor) returning id
                        """)
                .param("person", personId).param("package", packageId).param("from", from).param("actor", actor)
                .query(Long.class).single();
    }

    Optional<Long> packageId(String code) {
        return jdbc.sql("select id from services.butler_package where code = :c").param("c", code)
                .query(Long.class).optional();
    }

    private static ServiceItem item(ResultSet rs, int row) throws SQLException {
        return new ServiceItem(rs.getLong("id"), rs.getString("code"), ServiceCategory.valueOf(rs.getString("category")),
                rs.getString("name"), rs.getString("unit"), rs.getBigDecimal("price"), rs.getBoolean("active"),
                rs.getBoolean("synthetic"), strings(rs.getArray("available_in")));
    }

    private static Provider provider(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("item_ids");
        List<Long> itemIds = ids == null ? List.of()
                : Arrays.stream((Object[]) ids.getArray()).map(o -> ((Number) o).longValue()).toList();
        return new Provider(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
                rs.getString("division_code"), rs.getObject("facility_id", Long.class),
                rs.getObject("team_id", Long.class), rs.getBoolean("synthetic"), itemIds);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
