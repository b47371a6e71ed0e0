package org.yilaoyixiao.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real xlsx files of people, as a clerk would fill in the import template, and a reader for the files we send back. */
public final class PeopleSheets {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The template's headers, as issue 3 fixes them. */
    public static final List<String> HEADERS = List.of("身份证号码", "姓名", "联系电话", "居住地区划代码",
            "本县户籍(是/否)", "经济状况(无/低边/低保/特困)", "居住情况(独居、空巢、留守、重残、计划生育特殊家庭)", "死亡日期");

    private PeopleSheets() {
    }

    /** A row with the usual values: a phone, registered here, 低保, living alone and left behind. */
    public static List<String> person(String idNumber, String name, String residence) {
        return List.of(idNumber, name, "13905781234", residence, "是", "低保", "独居、留守", "");
    }

    /** A workbook with the header row and the given rows, every cell as text. */
    public static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("人员");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i) != null && !cells.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All rows of one sheet of an xlsx file, cells as displayed. */
    public static List<List<String>> read(byte[] xlsx, int sheetIndex) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(sheetIndex)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sheetName(byte[] xlsx, int sheetIndex) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetName(sheetIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
