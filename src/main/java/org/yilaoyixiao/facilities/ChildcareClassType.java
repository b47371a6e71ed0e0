package org.yilaoyixiao.facilities;

/** 乳儿班, 托小班, 托大班, 混合班; their limits are in {@link ChildcareClassRules}. */
public enum ChildcareClassType { INFANT, TODDLER, OLDER_TODDLER, MIXED }
