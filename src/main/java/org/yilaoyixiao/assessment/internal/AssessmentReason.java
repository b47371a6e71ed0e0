package org.yilaoyixiao.assessment.internal;

/** Why an assessment was made: first, periodic, after a change of condition, or on review of a dispute. */
enum AssessmentReason { FIRST, PERIODIC, CHANGE_OF_CONDITION, DISPUTE_REVIEW }
