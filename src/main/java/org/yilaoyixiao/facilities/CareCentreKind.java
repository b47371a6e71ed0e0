package org.yilaoyixiao.facilities;

/** Community facilities: 照料中心, 乡镇（街道）居家养老服务中心, 老年食堂, 老年活动中心. */
public enum CareCentreKind { VILLAGE_CARE_CENTRE, TOWNSHIP_SERVICE_CENTRE, ELDERLY_CANTEEN, ACTIVITY_CENTRE }
