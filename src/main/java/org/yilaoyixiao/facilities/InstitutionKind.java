package org.yilaoyixiao.facilities;

/** 养老院, 敬老院 (rural), 老年公寓, 医养结合机构. Senior apartments get no operating subsidy, hence the distinction. */
public enum InstitutionKind { CARE_HOME, RURAL_NURSING_HOME, SENIOR_APARTMENT, MEDICAL_CARE_COMBINED }
