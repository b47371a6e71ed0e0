package org.yilaoyixiao.registry.internal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles the registry's spreadsheets share. */
final class SheetStyles {

    private SheetStyles() {
    }

    static CellStyle header(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    /** Text format ("@"): what is typed stays as typed, an 18-digit ID number included. */
    static CellStyle text(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("@"));
        return style;
    }

    /** A column width for a header, wide enough for CJK characters (about two units each). */
    static int width(String header, int atLeast) {
        int units = 0;
        for (int i = 0; i < header.length(); i++) {
            units += header.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return Math.min(255, Math.max(atLeast, units + 2)) * 256;
    }
}
