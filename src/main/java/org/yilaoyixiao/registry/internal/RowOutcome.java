package org.yilaoyixiao.registry.internal;

/**
 * What became of one spreadsheet row. Only VALID rows are inserted when the uploader confirms; in a committed import
 * the VALID rows are the people it created.
 */
enum RowOutcome {
    VALID,
    /** A field is missing or wrong, or the residence lies outside the uploader's scope. */
    INVALID,
    /** An earlier row of the same file has the same ID number; the first one counts. */
    DUPLICATE_IN_FILE,
    /** The ID number is registered already (by anyone): skipped, so importing a file twice creates nothing twice. */
    EXISTING;

    public String labelKey() {
        return "person-import.outcome." + name();
    }
}
