package org.yilaoyixiao.facilities.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;

/**
 * The link from an institution operator's account to the one institution they run (decision 0040). An operator who
 * holds no other role is confined to that institution: its page, beds, residents' counts, staff and certificates,
 * and nothing of any other institution (404) — an operator without a link sees no institution at all.
 */
@Service
class InstitutionOperators {

    /** No institution: matches no row. */
    static final long NONE = -1;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    InstitutionOperators(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether the user works only for their own institution (an operator and nothing broader). */
    static boolean confined(CurrentUser user) {
        return user.hasRole(Role.INSTITUTION_OPERATOR) && !user.hasRole(Role.COUNTY_ADMIN)
                && !user.hasRole(Role.BUREAU_STAFF) && !user.hasRole(Role.TOWNSHIP_STAFF)
                && !user.hasRole(Role.AUDITOR) && !user.hasRole(Role.BUTLER) && !user.hasRole(Role.LEADER);
    }

    Optional<Long> institutionOf(String username) {
        return jdbc.sql("select institution_id from facilities.institution_operator where username = :u")
                .param("u", username).query(Long.class).optional();
    }

    /** The institution a confined user may see ({@link #NONE} when unassigned), or empty when not confined. */
    Optional<Long> confinement(CurrentUser user) {
        return confined(user) ? Optional.of(institutionOf(user.username()).orElse(NONE)) : Optional.empty();
    }

    record Operator(String username, String displayName) {
    }

    List<Operator> of(long institutionId) {
        return jdbc.sql("""
                        select o.username, coalesce(u.display_name, o.username) from facilities.institution_operator o
                        left join identity.published_user u on u.username = o.username
                        where o.institution_id = :i order by o.assigned_at""").param("i", institutionId)
                .query((rs, i) -> new Operator(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Makes an enabled operator account in the manager's scope the operator of this institution (moving it from
     * another institution if it had one). The account is checked through identity's published view.
     */
    @Transactional
    void assign(long institutionId, String username, CurrentUser actor, java.util.Set<String> scope) {
        String chosen = username == null ? "" : username.strip();
        boolean operator = !chosen.isEmpty() && jdbc.sql("""
                        select count(*) from identity.published_user where username = :u and enabled
                          and 'INSTITUTION_OPERATOR' = any(roles) and division_code = any(:scope)""")
                .param("u", chosen).param("scope", scope.toArray(String[]::new)).query(Long.class).single() == 1;
        if (!operator) {
            throw ApiException.validation("username", "INVALID", "institution.operator.invalid");
        }
        jdbc.sql("""
                        insert into facilities.institution_operator (username, institution_id, assigned_by)
                        values (:u, :i, :by) on conflict (username) do update
                        set institution_id = excluded.institution_id, assigned_at = now(),
                            assigned_by = excluded.assigned_by""")
                .param("u", chosen).param("i", institutionId).param("by", actor.username()).update();
        audit.record(AuditRecord.success("INSTITUTION_OPERATOR_ASSIGNED", "institution:" + institutionId,
                "account=" + chosen));
    }

    @Transactional
    void remove(long institutionId, String username, CurrentUser actor) {
        int removed = jdbc.sql("delete from facilities.institution_operator where username = :u and institution_id = :i")
                .param("u", username).param("i", institutionId).update();
        if (removed == 0) {
            throw ApiException.notFound("institution.operator.not-found", username);
        }
        audit.record(AuditRecord.success("INSTITUTION_OPERATOR_REMOVED", "institution:" + institutionId,
                "account=" + username));
    }
}
