package org.yilaoyixiao.platform.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cell texts as our readers want them, whatever the cell's display format: dates in ISO form ({@code 2024-01-31}, or
 * {@code 2024-01-31 08:30:00} where times matter, not "1/31/24"), and numbers in full and plain ({@code 13905781234},
 * {@code 331121001901}, {@code 1234.5}) — never in exponent notation or with thousands separators, which a parser
 * would misread.
 */
final class CellTexts extends DataFormatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Larger whole numbers lose digits in a double anyway (an ID number typed as a number is already wrong). */
    private static final double EXACT_LIMIT = 1e15;

    private final boolean withTime;

    CellTexts(boolean withTime) {
        this.withTime = withTime;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing);
            return withTime ? dateTime.format(DATE_TIME) : dateTime.toLocalDate().toString();
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LIMIT) {
            return Long.toString((long) value);
        }
        if (Double.isFinite(value)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
}
