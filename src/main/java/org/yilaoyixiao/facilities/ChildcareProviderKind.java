package org.yilaoyixiao.facilities;

/** 托育机构 (standalone), 幼儿园托班, 单位办托, 社区托育驿站. */
public enum ChildcareProviderKind { STANDALONE, KINDERGARTEN_CLASS, WORKPLACE, COMMUNITY_POINT }
