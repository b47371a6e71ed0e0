package org.yilaoyixiao.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded workbooks are streamed with caps (issue 20): a 2 KB file that claims a cell in column DVFKPWS — which drove
 * the server to 6.3 GB when read as a workbook — is refused at once, as is a row of thousands of cells; an ordinary
 * sheet reads as before, dates and amounts in the forms the parsers expect.
 */
class SpreadsheetCapsTest {

    @TempDir
    Path folder;

    private static byte[] ordinary() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("流水");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("时间");
            header.createCell(1).setCellValue("摘要");
            header.createCell(2).setCellValue("金额");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(LocalDateTime.of(2026, 11, 3, 8, 30));
            row.getCell(0).setCellStyle(dateTime);
            row.createCell(1).setCellValue("护理补贴");
            row.createCell(2).setCellValue(12345.5);
            row.getCell(2).setCellStyle(money);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The same workbook with its first sheet's XML rewritten. */
    private static byte[] withSheet(byte[] xlsx, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anOrdinarySheetReadsWithIsoDatesAndPlainAmounts() throws IOException {
        List<List<String>> rows = TabularFile.read(TabularFile.Format.XLSX, new ByteArrayInputStream(ordinary()), 10);
        assertThat(rows).containsExactly(List.of("时间", "摘要", "金额"),
                List.of("2026-11-03 08:30:00", "护理补贴", "12345.5"));
    }

    @Test
    void aCellBeyondExcelsLastColumnIsRefusedWithoutBuildingIt() throws IOException {
        byte[] bomb = withSheet(ordinary(), xml -> xml.replace("r=\"C2\"", "r=\"DVFKPWS2\""));
        assertThat(bomb.length).isLessThan(8_000);
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        assertThatThrownBy(() -> TabularFile.read(TabularFile.Format.XLSX, new ByteArrayInputStream(bomb), 10))
                .isInstanceOf(TabularFile.Unreadable.class).hasMessageContaining("last column");
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertThat(after - before).as("heap grown while refusing").isLessThan(256L * 1024 * 1024);

        byte[] justPast = withSheet(ordinary(), xml -> xml.replace("r=\"C2\"", "r=\"XFE2\""));
        assertThatThrownBy(() -> TabularFile.read(TabularFile.Format.XLSX, new ByteArrayInputStream(justPast), 10))
                .isInstanceOf(TabularFile.Unreadable.class);
        byte[] lastColumn = withSheet(ordinary(), xml -> xml.replace("r=\"C2\"", "r=\"XFD2\""));
        assertThat(TabularFile.read(TabularFile.Format.XLSX, new ByteArrayInputStream(lastColumn), 10).get(1))
                .hasSize(XlsxRowReader.MAX_COLUMNS).endsWith("12345.5");
    }

    @Test
    void aRowOfTooManyCellsIsRefused() throws IOException {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i <= XlsxRowReader.MAX_CELLS_PER_ROW; i++) {
            cells.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
        }
        byte[] wide = withSheet(ordinary(), xml -> xml.replaceFirst("</sheetData>",
                "<row r=\"3\">" + cells + "</row></sheetData>"));
        Path file = Files.write(folder.resolve("wide.xlsx"), wide);
        List<Integer> rowsSeen = new ArrayList<>();
        assertThatThrownBy(() -> XlsxRowReader.read(file, (number, row, fraction) -> rowsSeen.add(number)))
                .isInstanceOf(UnreadableSpreadsheetException.class).hasMessageContaining("cells");
        assertThat(rowsSeen).containsExactly(1, 2);
    }

    @Test
    void theRowLimitStopsReadingWithOneRowToTell() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 3; r <= 50; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r)
                    .append("\" t=\"inlineStr\"><is><t>行").append(r).append("</t></is></c></row>");
        }
        byte[] long50 = withSheet(ordinary(), xml -> xml.replaceFirst("</sheetData>", rows + "</sheetData>"));
        // header + 5 rows + the one extra that says "more"
        assertThat(TabularFile.read(TabularFile.Format.XLSX, new ByteArrayInputStream(long50), 5)).hasSize(7);
    }

    @Test
    void somethingElseIsUnreadable() {
        assertThatThrownBy(() -> TabularFile.read(TabularFile.Format.XLSX,
                new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8)), 10))
                .isInstanceOf(TabularFile.Unreadable.class);
    }
}
