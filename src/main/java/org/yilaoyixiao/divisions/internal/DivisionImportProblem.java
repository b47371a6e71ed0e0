package org.yilaoyixiao.divisions.internal;

import java.util.Locale;
import org.yilaoyixiao.platform.api.ApiException;

/** A problem with one line of an import file; {@code messageKey} is shown to the clerk in their language. */
record DivisionImportProblem(int line, String field, String messageKey, Object... args) {

    /** Message arguments with the line number first, as the messages expect. */
    public Object[] messageArgs() {
        Object[] all = new Object[args.length + 1];
        all[0] = String.valueOf(line);
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    ApiException.FieldProblem asFieldProblem() {
        String path = "lines[" + line + "]" + (field == null ? "" : "." + field);
        String code = messageKey.substring(messageKey.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT).replace('-', '_');
        return new ApiException.FieldProblem(path, code, messageKey, messageArgs());
    }
}
