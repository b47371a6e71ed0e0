package org.yilaoyixiao.subsidies.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.DisplayNames;
import org.yilaoyixiao.registry.PayeeAccounts;

/**
 * The payment list finance pays from (发放名册): every line of an approved run with the payee's full ID number and
 * account, township subtotals, a total row, the preparer and approver by name and a signature block, as Excel (amounts
 * as numbers) and as a printable A4 PDF. Lines whose payee has no account recorded are listed apart under
 * 缺少收款账户, so nobody is silently skipped. Only for payers ({@link Payers}); every download audited.
 */
@Component
class PayableList {

    static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONT_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String FONT_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    /** One line as paid. */
    record Line(int no, String township, String name, String idNumber, String account, String accountKind,
                String bank, String kind, String month, BigDecimal amount) {
    }

    record Township(String name, List<Line> lines, BigDecimal subtotal) {
    }

    /** The whole list: payable lines by township, the lines without an account, totals and the people involved. */
    record Sheet(String title, String programme, String month, String preparer, String approver,
                 List<Township> townships, int payableCount, BigDecimal payableTotal, List<Line> missing,
                 BigDecimal missingTotal, int lineCount, BigDecimal total) {
    }

    private final RunQueries queries;
    private final PayeeAccounts payees;
    private final DivisionDirectory divisions;
    private final DisplayNames names;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TemplateEngine templates;

    PayableList(RunQueries queries, PayeeAccounts payees, DivisionDirectory divisions, DisplayNames names,
                AuditTrail audit, MessageSource messages, TemplateEngine templates) {
        this.queries = queries;
        this.payees = payees;
        this.divisions = divisions;
        this.names = names;
        this.audit = audit;
        this.messages = messages;
        this.templates = templates;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    Sheet sheet(RunRecord run, CurrentUser actor, Locale locale) {
        List<RunQueries.Line> lines = new ArrayList<>();
        queries.eachLine(run.id(), actor, lines::add);
        Map<Long, PayeeAccounts.Payee> found = payees.forPayment(lines.stream()
                .filter(l -> "PERSON".equals(l.subjectType())).map(RunQueries.Line::subjectId).distinct().toList());
        Map<String, String> townshipNames = new HashMap<>();
        Map<String, List<Line>> byTownship = new LinkedHashMap<>();
        List<Line> missing = new ArrayList<>();
        int[] no = {0};
        int[] missingNo = {0};
        for (RunQueries.Line l : lines) {
            String township = townshipNames.computeIfAbsent(l.townshipCode(),
                    c -> divisions.find(c).map(Division::name).orElse(c));
            PayeeAccounts.Payee payee = "PERSON".equals(l.subjectType()) ? found.get(l.subjectId()) : null;
            String idNumber = payee == null ? (l.idNumberMasked() == null ? "" : l.idNumberMasked())
                    : payee.idNumber();
            String kind = text("subsidies.kind." + l.kind(), locale);
            String month = l.forMonth().toString().substring(0, 7);
            if (payee != null && payee.hasAccount()) {
                byTownship.computeIfAbsent(township, t -> new ArrayList<>()).add(new Line(++no[0], township, l.name(),
                        idNumber, payee.accountNumber(), text(payee.kind().labelKey(), locale),
                        payee.bankName() == null ? "" : payee.bankName(), kind, month, l.amount()));
            } else {
                missing.add(new Line(++missingNo[0], township, l.name(), idNumber, "", "", "", kind, month,
                        l.amount()));
            }
        }
        List<Township> townships = byTownship.entrySet().stream().map(e -> new Township(e.getKey(), e.getValue(),
                sum(e.getValue()))).toList();
        BigDecimal payableTotal = townships.stream().map(Township::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal missingTotal = sum(missing);
        Map<String, String> people = names.names(java.util.Arrays.asList(run.preparedBy(), run.approvedBy()), locale);
        String programme = text("subsidies.programme." + run.programme(), locale);
        return new Sheet(text("subsidies.payable.title", locale, programme, run.monthText()), programme,
                run.monthText(), people.getOrDefault(run.preparedBy(), run.preparedBy()),
                run.approvedBy() == null ? "" : people.getOrDefault(run.approvedBy(), run.approvedBy()), townships,
                no[0], payableTotal, missing, missingTotal, lines.size(), payableTotal.add(missingTotal));
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    String fileName(RunRecord run, String extension, Locale locale) {
        return text("subsidies.payable.file", locale, text("subsidies.programme." + run.programme(), locale),
                run.monthText()) + "." + extension;
    }

    private void audited(RunRecord run, Sheet sheet, String format) {
        audit.record(AuditRecord.success("SUBSIDY_PAYABLE_LIST_EXPORTED", "subsidy-run:" + run.id(), format
                + "：含完整身份证号和收款账户，明细 " + sheet.lineCount() + " 条，合计 " + AuditText.money(sheet.total())
                + "，缺少收款账户 " + sheet.missing().size() + " 条"));
    }

    void xlsx(RunRecord run, CurrentUser actor, Locale locale, OutputStream out) throws IOException {
        Sheet list = sheet(run, actor, locale);
        audited(run, list, "Excel");
        String[] headers = {"subsidies.list.no", "subsidies.list.township", "subsidies.list.name",
                "subsidies.payable.id-number", "subsidies.payable.account-kind", "subsidies.payable.bank",
                "subsidies.payable.account", "subsidies.payable.programme", "subsidies.list.for-month",
                "subsidies.list.kind", "subsidies.list.amount"};
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet_ s = new Sheet_(workbook, workbook.createSheet(list.month()));
            s.text(0, list.title()).bold();
            s.row++;
            s.text(0, text("subsidies.payable.people", locale, list.preparer(), list.approver()));
            s.row += 2;
            for (int i = 0; i < headers.length; i++) {
                s.text(i, text(headers[i], locale)).bold();
            }
            s.row++;
            for (Township t : list.townships()) {
                for (Line l : t.lines()) {
                    s.line(l, list.programme());
                }
                s.text(1, text("subsidies.payable.subtotal", locale, t.name())).bold();
                s.money(10, t.subtotal()).bold();
                s.row++;
            }
            s.text(1, text("subsidies.payable.total", locale, list.payableCount())).bold();
            s.money(10, list.payableTotal()).bold();
            s.row += 2;
            s.text(0, text("subsidies.payable.missing", locale, list.missing().size())).bold();
            s.row++;
            for (Line l : list.missing()) {
                s.line(l, list.programme());
            }
            s.text(1, text("subsidies.payable.missing-total", locale)).bold();
            s.money(10, list.missingTotal()).bold();
            s.row += 2;
            s.text(1, text("subsidies.payable.grand-total", locale, list.lineCount())).bold();
            s.money(10, list.total()).bold();
            s.row += 3;
            s.text(0, text("subsidies.payable.sign.preparer", locale) + list.preparer());
            s.text(3, text("subsidies.payable.sign.approver", locale) + list.approver());
            s.text(6, text("subsidies.payable.sign.finance", locale));
            s.text(9, text("subsidies.payable.sign.date", locale));
            for (int i : new int[] {2, 3, 6, 7}) {
                s.sheet.setColumnWidth(i, 22 * 256);
            }
            workbook.write(out);
        }
    }

    /** Writes cells row by row; amounts are numbers with two decimals. */
    private static final class Sheet_ {
        final XSSFWorkbook workbook;
        final org.apache.poi.ss.usermodel.Sheet sheet;
        final CellStyle money;
        final CellStyle bold;
        final CellStyle boldMoney;
        int row;
        Cell last;

        Sheet_(XSSFWorkbook workbook, org.apache.poi.ss.usermodel.Sheet sheet) {
            this.workbook = workbook;
            this.sheet = sheet;
            Font font = workbook.createFont();
            font.setBold(true);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            bold = workbook.createCellStyle();
            bold.setFont(font);
            boldMoney = workbook.createCellStyle();
            boldMoney.cloneStyleFrom(money);
            boldMoney.setFont(font);
        }

        private Cell cell(int column) {
            Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
            last = r.createCell(column);
            return last;
        }

        Sheet_ text(int column, String value) {
            cell(column).setCellValue(value);
            return this;
        }

        Sheet_ money(int column, BigDecimal value) {
            Cell c = cell(column);
            c.setCellValue(value.doubleValue());
            c.setCellStyle(money);
            return this;
        }

        void bold() {
            last.setCellStyle(last.getCellStyle() == money ? boldMoney : bold);
        }

        void line(Line l, String programme) {
            cell(0).setCellValue(l.no());
            text(1, l.township()).text(2, l.name()).text(3, l.idNumber()).text(4, l.accountKind()).text(5, l.bank())
                    .text(6, l.account()).text(7, programme).text(8, l.month()).text(9, l.kind())
                    .money(10, l.amount());
            row++;
        }
    }

    byte[] pdf(RunRecord run, CurrentUser actor, Locale locale, LocalDate today) {
        Sheet list = sheet(run, actor, locale);
        audited(run, list, "PDF");
        Context context = new Context(locale);
        context.setVariable("list", list);
        context.setVariable("today", today);
        context.setVariable("fontFamily", FONT_FAMILY);
        String html = templates.process("subsidies/payable-pdf", context);
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(FONT_REGULAR), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(FONT_BOLD), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream font(String path) {
        InputStream in = PayableList.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The CJK font " + path + " is missing from the class path");
        }
        return in;
    }
}
