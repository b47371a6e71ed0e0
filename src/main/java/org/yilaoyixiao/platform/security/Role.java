package org.yilaoyixiao.platform.security;

/**
 * The platform's roles. A role says what kind of work a user does; the data scope (a division subtree) says where.
 * What a role may do is declared by each module as permissions (see {@link PermissionCatalog}), not here.
 */
public enum Role {
    /** County administrator: accounts, reference data, everything in the county. */
    COUNTY_ADMIN,
    /** Staff of a county bureau (民政局, 卫健局, …), county-wide within their business area. */
    BUREAU_STAFF,
    /** Staff of one township (乡镇街道). */
    TOWNSHIP_STAFF,
    /** A care butler (养老管家) working in the field. */
    BUTLER,
    /** The operator of one institution. */
    INSTITUTION_OPERATOR,
    /** Read-only access plus the audit trail. */
    AUDITOR,
    /** A county leader (县领导): reads the indicators and the plan's projects, changes nothing. */
    LEADER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's display name. */
    public String labelKey() {
        return "role." + name();
    }
}
