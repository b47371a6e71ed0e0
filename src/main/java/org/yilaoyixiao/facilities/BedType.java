package org.yilaoyixiao.facilities;

/** 护理型 (nursing) or 助养型 (assisted) beds; cognitive-care beds are counted within either. */
public enum BedType { NURSING, ASSISTED }
