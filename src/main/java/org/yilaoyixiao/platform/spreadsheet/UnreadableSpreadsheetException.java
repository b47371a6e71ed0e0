package org.yilaoyixiao.platform.spreadsheet;

/** The file is not an xlsx workbook POI can read (or is damaged); says nothing about the rows' content. */
public class UnreadableSpreadsheetException extends RuntimeException {

    public UnreadableSpreadsheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
