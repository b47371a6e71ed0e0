package org.yilaoyixiao.facilities;

/** 营利性 or 非营利性: subsidies apply to both, but registration differs. */
public enum ProfitType { FOR_PROFIT, NON_PROFIT }
