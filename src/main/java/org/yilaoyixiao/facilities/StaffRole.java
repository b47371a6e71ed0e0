package org.yilaoyixiao.facilities;

/** 养老护理员, 保育员/育婴员, 卫生保健人员, 管理人员, 厨师, 保安, 其他. */
public enum StaffRole { ELDERLY_CARER, CHILDCARE_WORKER, HEALTH_WORKER, MANAGER, COOK, SECURITY, OTHER }
