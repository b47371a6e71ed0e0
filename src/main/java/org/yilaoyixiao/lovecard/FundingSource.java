package org.yilaoyixiao.lovecard;

/** The purses a love card is funded from (plan: 政府、村集体、社会捐赠、家庭). */
public enum FundingSource {
    GOVERNMENT,
    COLLECTIVE,
    DONATION,
    FAMILY
}
