package org.yilaoyixiao.divisions.internal;

import java.util.List;

/** What an import did. With any problem, nothing was applied. */
record DivisionImportResult(int created, int renamed, int unchanged, List<DivisionImportProblem> problems) {

    public boolean applied() {
        return problems.isEmpty();
    }

    static DivisionImportResult rejected(List<DivisionImportProblem> problems) {
        return new DivisionImportResult(0, 0, 0, List.copyOf(problems));
    }
}
