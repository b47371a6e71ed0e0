package org.yilaoyixiao.facilities;

/** Owned or leased premises; a lease's remaining term decides childcare filing and construction subsidies. */
public enum Premises { OWNED, LEASED }
