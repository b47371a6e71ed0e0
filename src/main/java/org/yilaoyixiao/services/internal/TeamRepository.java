package org.yilaoyixiao.services.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yilaoyixiao.services.ServiceCategory;

/** Butler teams per township, the villages each covers and its members. */
@Repository
class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code phone}: the mobile number a dispatch is texted to, or null (then only the in-app message). */
    record Member(long teamId, String username, String displayName, List<ServiceCategory> skills, String phone) {
    }

    record Team(long id, String name, String townshipCode, boolean synthetic, List<String> villages,
                List<Member> members) {
    }

    List<Team> teamsIn(Set<String> townshipCodes) {
        return jdbc.sql("select id, name, township_code, synthetic from services.butler_team"
                        + " where township_code = any(:codes) order by township_code, id")
                .param("codes", townshipCodes.toArray(String[]::new))
                .query(TeamRepository::head).list().stream().map(this::complete).toList();
    }

    Optional<Team> team(long id) {
        return jdbc.sql("select id, name, township_code, synthetic from services.butler_team where id = :id")
                .param("id", id)
                .query(TeamRepository::head).optional().map(this::complete);
    }

    /** Teams whose villages include the village, or else teams of its township. */
    List<Team> covering(String villageCode, String townshipCode) {
        return jdbc.sql("""
                        select id, name, township_code, synthetic from services.butler_team t
                        where exists (select 1 from services.team_village v where v.team_id = t.id
                                      and v.village_code = :village)
                           or t.township_code = :township
                        order by id
                        """)
                .param("village", villageCode).param("township", townshipCode)
                .query(TeamRepository::head).list().stream().map(this::complete).toList();
    }

    Optional<Member> member(String username) {
        return jdbc.sql("select team_id, username, display_name, skills, phone from services.team_member where username = :u")
                .param("u", username).query((rs, i) -> member(rs)).optional();
    }

    long insertTeam(String name, String townshipCode, boolean synthetic) {
        return jdbc.sql("insert into services.butler_team (name, township_code, synthetic) values (:n, :t, :s) returning id")
                .param("n", name).param("t", townshipCode).param("s", synthetic).query(Long.class).single();
    }

    void cover(long teamId, String villageCode) {
        jdbc.sql("insert into services.team_village (team_id, village_code) values (:t, :v) on conflict do nothing")
                .param("t", teamId).param("v", villageCode).update();
    }

    /** Adds or moves a butler into the team (a butler belongs to one team). */
    void putMember(long teamId, String username, String displayName, List<ServiceCategory> skills, String phone) {
        jdbc.sql("""
                        insert into services.team_member (team_id, username, display_name, skills, phone)
                        values (:t, :u, :d, :s, :p)
                        on conflict (username) do update set team_id = excluded.team_id,
                            display_name = excluded.display_name, skills = excluded.skills, phone = excluded.phone
                        """)
                .param("t", teamId).param("u", username).param("d", displayName)
                .param("s", skills.stream().map(Enum::name).toArray(String[]::new)).param("p", phone).update();
        jdbc.sql("update services.butler_team set staffed_at = now() where id = :t and staffed_at is null")
                .param("t", teamId).update();
    }

    boolean everStaffed(long teamId) {
        return jdbc.sql("select staffed_at is not null from services.butler_team where id = :t").param("t", teamId)
                .query(Boolean.class).single();
    }

    boolean removeMember(long teamId, String username) {
        return jdbc.sql("delete from services.team_member where team_id = :t and username = :u")
                .param("t", teamId).param("u", username).update() > 0;
    }

    boolean uncover(long teamId, String villageCode) {
        return jdbc.sql("delete from services.team_village where team_id = :t and village_code = :v")
                .param("t", teamId).param("v", villageCode).update() > 0;
    }

    /** A page of the teams of these townships, with their members and villages. */
    org.yilaoyixiao.platform.api.PageResponse<Team> page(Set<String> townshipCodes,
                                                         org.yilaoyixiao.platform.api.PageRequest request) {
        String[] codes = townshipCodes.toArray(String[]::new);
        long total = jdbc.sql("select count(*) from services.butler_team where township_code = any(:codes)")
                .param("codes", codes).query(Long.class).single();
        List<Team> found = jdbc.sql("select id, name, township_code, synthetic from services.butler_team"
                        + " where township_code = any(:codes) order by township_code, id limit :size offset :offset")
                .param("codes", codes).param("size", request.size()).param("offset", request.offset())
                .query(TeamRepository::head).list().stream().map(this::complete).toList();
        return new org.yilaoyixiao.platform.api.PageResponse<>(found, request.page(), request.size(), total);
    }

    /** Usernames already in some team, of these. */
    Set<String> inAnyTeam(java.util.Collection<String> usernames) {
        return new java.util.HashSet<>(jdbc.sql("select username from services.team_member where username = any(:u)")
                .param("u", usernames.toArray(String[]::new)).query(String.class).list());
    }

    /** A team's own row; its villages and members are read after the row set is closed (one connection at a time). */
    private record Head(long id, String name, String townshipCode, boolean synthetic) {
    }

    private static Head head(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    // a query inside a row mapper would take a second connection while the first is held: ten such requests at once
    // exhaust the pool and wait on each other
    private Team complete(Head head) {
        return new Team(head.id(), head.name(), head.townshipCode(), head.synthetic(), villages(head.id()),
                members(head.id()));
    }

    private List<String> villages(long teamId) {
        return jdbc.sql("select village_code from services.team_village where team_id = :t order by village_code")
                .param("t", teamId).query(String.class).list();
    }

    private List<Member> members(long teamId) {
        return jdbc.sql("select team_id, username, display_name, skills, phone from services.team_member where team_id = :t"
                        + " order by username").param("t", teamId).query((rs, i) -> member(rs)).list();
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                MenuRepository.strings(rs.getArray(4)).stream().map(ServiceCategory::valueOf).toList(),
                rs.getString(5));
    }
}
