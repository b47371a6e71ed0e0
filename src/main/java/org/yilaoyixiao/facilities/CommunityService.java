package org.yilaoyixiao.facilities;

/** The six home-care services (助餐、助浴、助洁、助行、助医、助急). */
public enum CommunityService { MEALS, BATHING, CLEANING, MOBILITY, MEDICAL, EMERGENCY }
