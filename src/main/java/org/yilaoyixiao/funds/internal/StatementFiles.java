package org.yilaoyixiao.funds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.spreadsheet.TabularFile;

/**
 * Reads a bank statement in the documented layout (docs/operations/funds-bank-statements.md): a header row, then one
 * movement per row in the columns 银行流水号, 交易时间, 金额, 收支方向, 对方账号, 用途; CSV in UTF-8 or the first sheet of
 * an xlsx workbook (read by the shared {@link TabularFile}). All or nothing: every bad cell is reported with its row and column, and a file with any bad cell
 * is refused whole.
 */
@Component
class StatementFiles {

    static final int MAX_ROWS = 20_000;

    private final MessageSource messages;

    StatementFiles(MessageSource messages) {
        this.messages = messages;
    }

    record Parsed(String format, List<MovementInput> movements) {
    }

    Parsed read(String fileName, InputStream in) throws IOException {
        TabularFile.Format tabular = TabularFile.formatOf(fileName);
        if (tabular == null) {
            throw ApiException.validation("file", "FORMAT", "funds.import.format");
        }
        String format = tabular.name();
        List<MovementParser.Raw> rows;
        try {
            rows = TabularFile.read(tabular, in, MAX_ROWS).stream().skip(1)
                    .map(cells -> raw(i -> i < cells.size() ? cells.get(i) : null)).toList();
        } catch (TabularFile.Unreadable e) {
            throw ApiException.validation("file", "FORMAT", "funds.import.format");
        }
        if (rows.isEmpty()) {
            throw ApiException.validation("file", "EMPTY", "funds.import.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.validation("file", "TOO_MANY_ROWS", "funds.import.too-many-rows", MAX_ROWS);
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<MovementInput> movements = new ArrayList<>();
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MovementParser.Result result = MovementParser.parse(rows.get(i));
            int rowNumber = i + 2; // the header is row 1
            for (MovementParser.Problem p : result.problems()) {
                int column = MovementParser.FIELDS.indexOf(p.field()) + 1;
                problems.add(new ApiException.FieldProblem("row " + rowNumber + ", column " + column, p.code(),
                        "funds.import.cell", new Object[]{rowNumber, column,
                        messages.getMessage("funds.import.column." + p.field(), null, locale),
                        messages.getMessage(p.messageKey(), null, locale)}));
            }
            if (result.movement() != null) {
                movements.add(result.movement());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new Parsed(format, movements);
    }

    private static MovementParser.Raw raw(java.util.function.IntFunction<String> cell) {
        return new MovementParser.Raw(cell.apply(0), cell.apply(1), cell.apply(2), cell.apply(3), cell.apply(4),
                cell.apply(5));
    }
}
