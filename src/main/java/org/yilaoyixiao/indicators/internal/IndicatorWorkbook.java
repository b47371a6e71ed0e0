package org.yilaoyixiao.indicators.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The indicator table in the plan's own layout (§二(二): 序号, 指标, 2022年, 2025年, 责任单位, 指标属性), with the
 * actual, its source and status for the chosen division and year in three more columns; the text-only targets on a
 * second sheet.
 */
@Component
class IndicatorWorkbook {

    static final String[] PLAN_COLUMNS = {"indicators.excel.seq", "indicators.excel.name", "indicators.excel.baseline",
            "indicators.excel.target", "indicators.excel.unit", "indicators.excel.attribute"};
    static final String[] ACTUAL_COLUMNS = {"indicators.excel.actual", "indicators.excel.source",
            "indicators.excel.status"};

    private final MessageSource messages;

    IndicatorWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(String divisionName, int year, List<IndicatorRow> table, List<IndicatorRow> textTargets,
                 Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            sheet(workbook.createSheet(text("indicators.excel.title", locale).length() > 30 ? "主要监测指标"
                    : text("indicators.excel.title", locale)), styles, divisionName, year, table, locale, true);
            sheet(workbook.createSheet(text("indicators.dashboard.text-targets", locale)), styles, divisionName, year,
                    textTargets, locale, false);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(Sheet sheet, Styles styles, String divisionName, int year, List<IndicatorRow> rows,
                       Locale locale, boolean planTable) {
        int columns = PLAN_COLUMNS.length + ACTUAL_COLUMNS.length;
        Row title = sheet.createRow(0);
        Cell titleCell = title.createCell(0);
        titleCell.setCellValue(text("indicators.excel.title", locale) + "（" + divisionName + "，" + year + "）");
        titleCell.setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        Row header = sheet.createRow(1);
        for (int i = 0; i < columns; i++) {
            String key = i < PLAN_COLUMNS.length ? PLAN_COLUMNS[i] : ACTUAL_COLUMNS[i - PLAN_COLUMNS.length];
            Cell cell = header.createCell(i);
            cell.setCellValue(text(key, locale));
            cell.setCellStyle(styles.header);
        }
        int r = 2;
        for (IndicatorRow row : rows) {
            IndicatorDefinition d = row.definition();
            Row line = sheet.createRow(r++);
            cell(line, 0, planTable ? String.valueOf(d.seq()) : d.code(), styles.centre);
            cell(line, 1, d.nameZh() + "（" + d.unit() + "）", styles.text);
            cell(line, 2, lifeYears(d, baseline(d)), styles.centre);
            cell(line, 3, lifeYears(d, target(d, locale)), styles.centre);
            cell(line, 4, d.responsibleUnits(), styles.text);
            cell(line, 5, text("indicators.attribute." + d.attribute(), locale), styles.centre);
            if (row.actual() == null) {
                cell(line, 6, "", styles.centre);
            } else {
                Cell actual = line.createCell(6);
                actual.setCellValue(row.actual().doubleValue());
                actual.setCellStyle(styles.number);
            }
            cell(line, 7, text("indicators.source." + row.source().name(), locale), styles.centre);
            cell(line, 8, row.status() == null ? text("indicators.status.NONE", locale)
                    : text(row.status().labelKey(), locale), styles.centre);
        }
        int[] widths = {6, 44, 10, 16, 24, 10, 10, 10, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256 + 512);
        }
        sheet.createFreezePane(0, 2);
    }

    /** Life expectancy is written with two decimals in the plan (80.10 → 81.60). */
    private static String lifeYears(IndicatorDefinition d, String text) {
        return "岁".equals(d.unit()) && !text.isEmpty() && !text.contains(".") ? text : "岁".equals(d.unit())
                && text.matches("\\d+\\.\\d") ? text + "0" : text;
    }

    /** The baseline as the plan writes it: 67.3, ≥60. */
    static String baseline(IndicatorDefinition d) {
        if (d.baselineValue() == null) {
            return "";
        }
        return ("AT_LEAST".equals(d.baselineComparator()) ? "≥" : "") + plain(d.baselineValue());
    }

    /** The target as the plan writes it: 81.60, ≥60, 全省平均水平以上. */
    String target(IndicatorDefinition d, Locale locale) {
        return switch (d.targetComparator()) {
            case AT_LEAST_PROVINCIAL_AVERAGE -> text("indicators.comparator.provincial", locale);
            case AT_LEAST -> "≥" + plain(d.targetValue());
            case EXACTLY -> plain(d.targetValue());
        };
    }

    /** 67.3 rather than 67.30, 5 rather than 5.00, as the plan's table writes them. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centre;
        final CellStyle number;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(workbook);
            text.setWrapText(true);
            centre = bordered(workbook);
            centre.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(workbook);
            number.setAlignment(HorizontalAlignment.CENTER);
            number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
