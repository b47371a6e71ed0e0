package org.yilaoyixiao.facilities;

/** Talent titles a staff member may hold: 绿谷英才 (Lishui's talent programme), 行业精英. */
public enum TalentTitle { GREEN_VALLEY_TALENT, INDUSTRY_ELITE }
