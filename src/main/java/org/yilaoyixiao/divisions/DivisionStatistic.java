package org.yilaoyixiao.divisions;

import java.util.Map;
import java.util.Set;

/**
 * A count other modules contribute to the division tree (accounts, elders, infants, beds, …). The home page rolls the
 * counts up the tree. Implementations count only records attached directly to each given code.
 */
public interface DivisionStatistic {

    /** Message key of the column heading. */
    String labelKey();

    /** Display order among statistics; lower first. */
    int order();

    /** Count per division code, for the given codes; codes with nothing may be absent. */
    Map<String, Long> countByDivision(Set<String> divisionCodes);
}
