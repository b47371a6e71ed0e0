package org.yilaoyixiao.platform.web;

/**
 * The few top-level areas of the navigation, in the order they appear. Each is a menu of the pages a user may use in
 * it; an area with one such page is a plain link, an area with none is not shown.
 */
public enum NavigationArea {
    /** 工作台: my inbox, the overview of my scope, messages. */
    WORKBENCH,
    /** 人员: the registry, imports, assessments, outreach. */
    PEOPLE,
    /** 机构与安置: institutions, care centres, childcare providers, staff; admissions and enrolments. */
    FACILITIES,
    /** 养老服务: the butler loop, visits, love card, time bank, elderly education. */
    SERVICES,
    /** 银龄卫士: alerts, devices, routines. */
    GUARDIAN,
    /** 补贴与资金: subsidy runs, quotes, grants, fund supervision, policy parameters. */
    MONEY,
    /** 监测: indicators, reports, the plan's projects. */
    MONITORING,
    /** 系统: divisions, accounts, data exchange, audit trail, developer pages. */
    SYSTEM;

    public String labelKey() {
        return "nav.area." + name();
    }
}
