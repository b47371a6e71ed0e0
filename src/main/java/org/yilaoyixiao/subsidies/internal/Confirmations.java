package org.yilaoyixiao.subsidies.internal;


/**
 * The confirmation a money action's page posts: a digest of what its preview showed (a run's status, line count,
 * total and computing time; a grant's amount and status). The action recomputes it under the row's lock; a missing
 * confirmation, or one of a preview the data has since left behind, is refused and nothing moves.
 */
final class Confirmations {

    private Confirmations() {
    }

    static String of(Object... parts) {
        return org.yilaoyixiao.platform.api.PreviewDigest.of(parts);
    }

    static String run(RunRecord run) {
        return of("run", run.id(), run.status(), run.lineCount(), run.total(),
                run.computedAt() == null ? null : run.computedAt().toInstant());
    }

    static String grant(GrantApplications.Grant grant) {
        return of("grant", grant.id(), grant.status(), grant.amount(), grant.preparedAt());
    }

    /** Refuses a missing or stale confirmation (409 with the reason in the clerk's words). */
    static void require(String posted, String current) {
        org.yilaoyixiao.platform.api.PreviewDigest.require(posted, current, "subsidies.confirm.missing",
                "subsidies.confirm.stale");
    }
}
