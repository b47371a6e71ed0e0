package org.yilaoyixiao.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yilaoyixiao.divisions.DivisionLevel;

class DivisionCsvFormatTest {

    @Test
    void readsTheDocumentedFormatWithCommentsAndBlankLines() {
        DivisionCsvFormat.Parsed parsed = DivisionCsvFormat.parse("""
                # a comment
                code,name,parentCode,level,validFrom

                331121001201,"新村, 东",331121001,VILLAGE,2024/3/1
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.name()).isEqualTo("新村, 东");
            assertThat(row.level()).isEqualTo(DivisionLevel.VILLAGE);
            assertThat(row.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
        });
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        DivisionCsvFormat.Parsed parsed = DivisionCsvFormat.parse("""
                code,name,parentCode,level,validFrom
                33112100120,短码村,331121001,VILLAGE,2024-01-01
                331121001202,,331121001,VILLAGE,2024-01-01
                331121001203,坏日期村,331121001,VILLAGE,2024-02-30
                331121001204,无层级村,331121001,HAMLET,2024-01-01
                331121001205,缺列村,331121001
                331121001206,无上级村,,VILLAGE,2024-01-01
                """);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).extracting(DivisionImportProblem::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(parsed.problems()).extracting(DivisionImportProblem::messageKey).containsExactly(
                "division.import.code", "division.import.name", "division.import.date", "division.import.level",
                "division.import.columns", "division.import.parent-required");
    }

    @Test
    void rejectsAWrongHeader() {
        DivisionCsvFormat.Parsed parsed = DivisionCsvFormat.parse("编码,名称\n331121,青田县\n");
        assertThat(parsed.problems()).extracting(DivisionImportProblem::messageKey).containsExactly("division.import.header");
    }

    @Test
    void decodesExcelEncodings() {
        String text = "code,name,parentCode,level,validFrom\n331121,青田县,,COUNTY,2023-01-01\n";
        assertThat(DivisionCsvFormat.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(DivisionCsvFormat.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
    }
}
