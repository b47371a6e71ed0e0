package org.yilaoyixiao.subsidies;

/** The subsidy programmes of the plan (§四) and the national childcare allowance. */
public enum Programme {
    /** One-time construction subsidy per approved bed of a new private institution. */
    INSTITUTION_CONSTRUCTION(false),
    /** Monthly operating subsidy per local resident of a private (or 公建民营, at 50 %) institution, by star. */
    INSTITUTION_OPERATING(true),
    /** One-time subsidy per approved slot of a childcare provider completed and filed in the same year. */
    CHILDCARE_SLOT_CONSTRUCTION(false),
    /** Monthly operating subsidy per enrolled child (within the approved slots) by class type. */
    CHILDCARE_OPERATING(true),
    /** 育儿补贴: monthly, for each month in which the child is under 3, from 2025-01-01. */
    CHILDCARE_ALLOWANCE(true),
    /** 养老服务补贴 (青民〔2022〕40号): monthly, by capability level. */
    ELDERLY_SERVICE_SUBSIDY(true);

    private final boolean monthly;

    Programme(boolean monthly) {
        this.monthly = monthly;
    }

    /** Whether the programme pays every month (and so has monthly runs); else it is a one-time subsidy. */
    public boolean monthly() {
        return monthly;
    }

    public String labelKey() {
        return "subsidies.programme." + name();
    }
}
