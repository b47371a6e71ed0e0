package org.yilaoyixiao.workspace;

import java.util.ArrayList;
import java.util.List;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionLevel;

/** A division on the home page with its counts rolled up from its subtree. */
record DivisionTreeNode(Division division, long[] counts, List<DivisionTreeNode> children) {

    DivisionTreeNode(Division division, int statistics) {
        this(division, new long[statistics], new ArrayList<>());
    }

    /** Villages in this subtree, the division itself excluded. */
    public long villageCount() {
        return children.stream()
                .mapToLong(c -> (c.division().level() == DivisionLevel.VILLAGE ? 1 : 0) + c.villageCount())
                .sum();
    }
}
