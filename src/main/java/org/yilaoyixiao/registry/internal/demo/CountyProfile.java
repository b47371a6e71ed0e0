package org.yilaoyixiao.registry.internal.demo;

/**
 * The shape of a Qingtian-like county at scale 1, from the plan (plan-facts.md §2) and the 7th census. Used only to
 * make synthetic people; nothing here is a rule the platform applies to real ones.
 */
final class CountyProfile {

    /** People aged 60+ (7th census: 95,900, 18.84 % of the population including overseas Chinese). */
    static final long ELDERS = 95_900;
    /**
     * Infants under 3: with births of about 1,200 a year (birth rate 5.2–7.0 ‰ of roughly 200,000 residents,
     * plan §一(二)2) three years of births are about 3,600.
     */
    static final long INFANTS = 3_600;

    /** Five-year age bands from 60 (the last band is 100–104). */
    static final int FIRST_BAND_AGE = 60;
    static final int BAND_YEARS = 5;
    /** Shares of the 60+ population per band, from China's 2020 census (60–64 … 100+). */
    static final double[] ELDER_BAND_WEIGHTS = {27.8, 28.0, 18.8, 11.7, 7.7, 4.2, 1.4, 0.32, 0.05};
    /** Share of women per band: more women at high ages (2020 census). */
    static final double[] FEMALE_SHARE = {0.497, 0.505, 0.515, 0.53, 0.55, 0.58, 0.62, 0.68, 0.75};

    /** Share of infants aged 0, 1 and 2: births have been falling (birth rate 7.03 ‰ → 5.20 ‰, 2018–2020). */
    static final double[] INFANT_AGE_WEIGHTS = {0.30, 0.33, 0.37};
    static final double INFANT_MALE_SHARE = 0.524;

    /** Probability that an elder lives without a spouse (widowed or single), by band; widowhood rises with age. */
    static final double[] SINGLE_BY_BAND = {0.18, 0.22, 0.30, 0.38, 0.50, 0.60, 0.70, 0.80, 0.85};
    /** Elders' households where adult children (not registered here) live with them: not empty-nest. */
    static final double WITH_ADULT_CHILDREN = 0.28;
    /** Of the others: children away, and of those away, abroad (this is a 侨乡). */
    static final double CHILDREN_AWAY = 0.62;
    static final double AWAY_ABROAD = 0.65;
    /** 重残 by band (roughly 1 % in the sixties, rising with age). */
    static final double[] SEVERE_DISABILITY_BY_BAND = {0.010, 0.013, 0.020, 0.028, 0.040, 0.055, 0.080, 0.10, 0.12};
    /** 计划生育特殊家庭 (lost or disabled only child); parents of the one-child generation, so up to about 85. */
    static final double FAMILY_PLANNING_SPECIAL = 0.007;
    static final int FAMILY_PLANNING_SPECIAL_MAX_AGE = 85;

    /** Economic status of elders' households: 低保, 低边; 特困 only for elders without a spouse. */
    static final double ELDER_MINIMUM_LIVING = 0.030;
    static final double ELDER_LOW_INCOME_MARGINAL = 0.018;
    static final double SINGLE_ELDER_EXTREME_POVERTY = 0.025;
    static final double INFANT_MINIMUM_LIVING = 0.015;
    static final double INFANT_LOW_INCOME_MARGINAL = 0.010;

    static final double ELDER_LOCAL_HUKOU = 0.96;
    static final double INFANT_LOCAL_HUKOU = 0.88;
    static final double ELDER_HAS_PHONE = 0.72;

    /** Infants' households: with grandparents (elders), and of those, parents abroad (left with grandparents). */
    static final double INFANT_WITH_GRANDPARENTS = 0.45;
    static final double PARENTS_ABROAD = 0.35;
    static final double SECOND_INFANT = 0.07;
    static final double TWINS = 0.02;

    private CountyProfile() {
    }
}
