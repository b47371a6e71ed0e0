package org.yilaoyixiao.divisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the division tree. "Current" means valid today in the county's time zone.
 */
public interface DivisionDirectory {

    /** The current version of a division. */
    Optional<Division> find(String code);

    /** The version valid on a date. */
    Optional<Division> findAsOf(String code, LocalDate date);

    /** Current children, ordered by code. */
    List<Division> children(String code);

    /** Children valid on a date, ordered by code. */
    List<Division> childrenAsOf(String code, LocalDate date);

    /** The current division and all its current descendants, root first, in depth-first code order. */
    List<Division> subtree(String code);

    /** Codes of {@link #subtree(String)}, for filtering queries by a user's data scope. */
    Set<String> subtreeCodes(String code);

    /**
     * Whether {@code code} lies in the subtree of {@code scopeCode} by any version of the tree, so that records in a
     * division retired since stay visible to the scope that held them.
     */
    boolean isWithin(String scopeCode, String code);

    /** The path from the root down to the division, both included. */
    List<Division> path(String code);
}
