package org.yilaoyixiao.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The xlsx template for legacy results: the column titles on the first sheet, how to fill them on the second. */
final class LegacySheetTemplate {

    private static final List<List<String>> GUIDE = List.of(
            List.of(LegacySheet.ID_NUMBER, "必填", "18位身份证号码，此人须已在人员档案中登记且在您的管辖范围内"),
            List.of(LegacySheet.NAME, "必填", "须与人员档案中的姓名一致"),
            List.of(LegacySheet.ASSESSED_ON, "必填", "如 2021-06-15、2021/6/15 或 Excel 日期；不能晚于今天"),
            List.of(LegacySheet.LEVEL, "必填", "MZ/T 039-2013 的评估等级：0 能力完好、1 轻度失能、2 中度失能、3 重度失能（填数字或名称）"),
            List.of(LegacySheet.ADL_SCORE, "选填", "日常生活活动（Barthel）得分，0–100，5 的倍数"),
            List.of(LegacySheet.MENTAL_LEVEL, "选填", "0–3"),
            List.of(LegacySheet.PERCEPTION_LEVEL, "选填", "0–3"),
            List.of(LegacySheet.SOCIAL_LEVEL, "选填", "0–3"),
            List.of(LegacySheet.ASSESSED_BY, "选填", "评估机构或评估员，最多200字"),
            List.of(LegacySheet.NOTE, "选填", "最多500字"));

    private LegacySheetTemplate() {
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet results = workbook.createSheet("评估结果");
            Row titles = results.createRow(0);
            for (int c = 0; c < LegacySheet.COLUMNS.size(); c++) {
                titles.createCell(c).setCellValue(LegacySheet.COLUMNS.get(c));
                titles.getCell(c).setCellStyle(bold);
                results.setColumnWidth(c, 18 * 256);
            }
            Sheet guide = workbook.createSheet("填写说明");
            Row head = guide.createRow(0);
            List<String> headings = List.of("列", "是否必填", "说明");
            for (int c = 0; c < headings.size(); c++) {
                head.createCell(c).setCellValue(headings.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            for (int r = 0; r < GUIDE.size(); r++) {
                Row row = guide.createRow(r + 1);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(GUIDE.get(r).get(c));
                }
            }
            guide.setColumnWidth(0, 20 * 256);
            guide.setColumnWidth(2, 80 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
