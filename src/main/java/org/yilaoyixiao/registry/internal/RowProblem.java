package org.yilaoyixiao.registry.internal;

/**
 * Why a spreadsheet row cannot be imported, as a message key and at most one argument, so that the report speaks
 * the reader's language. Stored in staging as {@code key} or {@code key|argument}.
 */
record RowProblem(String key, String argument) {

    private static final char SEPARATOR = '|';

    static RowProblem of(String key) {
        return new RowProblem(key, null);
    }

    String encoded() {
        return argument == null ? key : key + SEPARATOR + argument;
    }

    static RowProblem decode(String encoded) {
        int at = encoded.indexOf(SEPARATOR);
        return at < 0 ? of(encoded) : new RowProblem(encoded.substring(0, at), encoded.substring(at + 1));
    }

    Object[] arguments() {
        return argument == null ? new Object[0] : new Object[]{argument};
    }
}
