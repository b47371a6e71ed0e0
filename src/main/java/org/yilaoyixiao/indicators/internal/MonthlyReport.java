package org.yilaoyixiao.indicators.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable monthly report for the county government, as PDF: the indicator table with actuals and status, the
 * text-only targets and the status rule. Chinese needs a font with its glyphs inside the PDF, or a machine without
 * Chinese fonts shows empty boxes: Noto Sans SC (SIL Open Font License) comes from a Maven Central artifact and is
 * embedded as a subset of the glyphs used (decision 0018).
 */
@Component
class MonthlyReport {

    static final String FONT_FAMILY = "Noto Sans SC";
    static final String FONT_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String FONT_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private final TemplateEngine templates;

    MonthlyReport(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(String divisionName, int year, java.time.LocalDate asOf, Instant computedAt,
                  List<IndicatorRow> table, List<IndicatorRow> textTargets, Map<String, Long> summary,
                  Locale locale) {
        Context context = new Context(locale);
        context.setVariable("divisionName", divisionName);
        context.setVariable("year", year);
        context.setVariable("period", asOf.getYear() + "-" + "%02d".formatted(asOf.getMonthValue()));
        context.setVariable("asOf", asOf);
        context.setVariable("computedAt", computedAt.atZone(org.yilaoyixiao.platform.time.BusinessTime.ZONE)
                .toLocalDateTime().withNano(0).toString().replace('T', ' '));
        context.setVariable("table", table);
        context.setVariable("textTargets", textTargets);
        context.setVariable("summary", summary);
        context.setVariable("fontFamily", FONT_FAMILY);
        String html = templates.process("indicators/report", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(FONT_REGULAR), FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(FONT_BOLD), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String path) {
        InputStream in = MonthlyReport.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The CJK font " + path + " is missing from the class path");
        }
        return in;
    }
}
