package org.yilaoyixiao.registry.internal.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes),
 * collected in memory until {@link #copyTo copied} with one COPY statement.
 */
final class CopyBuffer {

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String copySql;
    private byte[] bytes = new byte[1 << 16];
    private int length;
    private boolean firstColumn = true;
    private int rows;

    /** @param table the table and its columns, e.g. {@code registry.household (id, division_code)} */
    CopyBuffer(String table) {
        this.copySql = "copy " + table + " from stdin";
    }

    CopyBuffer text(String value) {
        separate();
        if (value == null) {
            append(NULL);
        } else if (needsEscape(value)) {
            append(escape(value).getBytes(StandardCharsets.UTF_8));
        } else {
            append(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    CopyBuffer number(long value) {
        return text(Long.toString(value));
    }

    CopyBuffer numberOrNull(long value, boolean present) {
        return present ? number(value) : text(null);
    }

    CopyBuffer bool(boolean value) {
        return text(value ? "t" : "f");
    }

    /** bytea in hex form: {@code \x…}, its backslash escaped for COPY. */
    CopyBuffer bytea(byte[] value) {
        separate();
        ensure(3 + value.length * 2);
        bytes[length++] = '\\';
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        for (byte b : value) {
            bytes[length++] = HEX[(b >> 4) & 0xf];
            bytes[length++] = HEX[b & 0xf];
        }
        return this;
    }

    CopyBuffer endRow() {
        ensure(1);
        bytes[length++] = '\n';
        firstColumn = true;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Copies the collected rows into the table and empties the buffer. */
    long copyTo(CopyManager copyManager) throws SQLException, IOException {
        if (rows == 0) {
            return 0;
        }
        long copied = copyManager.copyIn(copySql, new ByteArrayInputStream(bytes, 0, length), 1 << 16);
        length = 0;
        rows = 0;
        return copied;
    }

    private void separate() {
        if (!firstColumn) {
            ensure(1);
            bytes[length++] = '\t';
        }
        firstColumn = false;
    }

    private void append(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
