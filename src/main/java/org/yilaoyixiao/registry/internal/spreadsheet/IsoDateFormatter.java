package org.yilaoyixiao.registry.internal.spreadsheet;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cell texts as the import wants them, whatever the cell's display format: dates as ISO {@code 2024-01-31} (not
 * "1/31/24"), and whole numbers in full ({@code 13905781234}, {@code 331121001901}), never in exponent notation.
 */
final class IsoDateFormatter extends DataFormatter {

    /** Larger whole numbers lose digits in a double anyway (an ID number typed as a number is already wrong). */
    private static final double EXACT_LIMIT = 1e15;

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LIMIT) {
            return Long.toString((long) value);
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
}
