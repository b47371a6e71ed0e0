package org.yilaoyixiao.platform.security;

/**
 * The county bureau a {@link Role#BUREAU_STAFF} account works for: its business area. These are the units the plan
 * names as responsible for its indicators and tasks (《青田县“一老一小”整体解决方案》, indicator table and 附件).
 */
public enum Bureau {
    /** 县民政局: elderly care, subsidies, visits, institutions. */
    CIVIL_AFFAIRS,
    /** 县卫生健康局: health management, childcare institutions, medical-care integration. */
    HEALTH,
    /** 县教育局: kindergartens, elderly education. */
    EDUCATION,
    /** 县人力社保局: carers' qualifications and employment subsidies. */
    HUMAN_RESOURCES_SOCIAL_SECURITY,
    /** 县财政局: funding of subsidies and the love card. */
    FINANCE,
    /** 县自然资源局: facilities in new residential areas. */
    NATURAL_RESOURCES,
    /** 县公安局: the silver-guardian platform, household registration. */
    PUBLIC_SECURITY,
    /** 县残联: disabled persons' services. */
    DISABLED_PERSONS_FEDERATION,
    /** 县委组织部: the love-card pilot. */
    ORGANIZATION_DEPARTMENT;

    public String labelKey() {
        return "bureau." + name();
    }
}
