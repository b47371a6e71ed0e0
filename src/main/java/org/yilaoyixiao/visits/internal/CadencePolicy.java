package org.yilaoyixiao.visits.internal;

import java.time.LocalDate;

/**
 * Where the visit parameters come from. Today a dated table of this module; when the policy module (issue 6) exists,
 * an implementation reading its dated parameters replaces this one and no caller changes.
 */
interface CadencePolicy {

    /** The parameters in force on a date. */
    CadenceParameters on(LocalDate date);
}
