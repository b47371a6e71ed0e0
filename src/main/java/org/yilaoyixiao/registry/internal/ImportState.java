package org.yilaoyixiao.registry.internal;

import java.time.Instant;

/** An upload and its counts as stored in {@code registry.person_import}. */
record ImportState(long id, String fileName, String uploadedBy, String scopeCode, Instant uploadedAt,
                   ImportStatus status, int rowsRead, int percentRead, Instant heartbeatAt, String failureKey,
                   String failureArg, int validRows, int invalidRows, int duplicateRows, int existingRows,
                   Instant validatedAt, Instant confirmedAt, int createdRows, int skippedRows) {

    /** Rows the report lists: everything that will not be (or was not) imported. */
    public int problemRows() {
        return invalidRows + duplicateRows + existingRows;
    }

    public int dataRows() {
        return validRows + problemRows();
    }

    public boolean confirmable() {
        return status == ImportStatus.VALIDATED && validRows > 0;
    }
}
