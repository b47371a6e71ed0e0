package org.yilaoyixiao.platform.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx file row by row with POI's SAX event API ({@link XSSFReader}), so that memory
 * stays flat however many rows the file has: a 100,000-row file is never held as a workbook. Only the shared-strings
 * table is kept in memory, as the format requires. Every uploaded workbook is read this way (issue 20): a file that
 * claims a cell beyond Excel's last column (XFD, 16,384 columns), a row of more cells than {@link #MAX_CELLS_PER_ROW},
 * a shared-strings table or a sheet larger than the caps below is refused as unreadable instead of exhausting the
 * heap; the caller stops at its own row limit by throwing from its handler.
 */
public final class XlsxRowReader {

    /**
     * The shared-strings table is the one part held in memory; a 200,000-row file of people needs about 20 MiB.
     * Larger tables are refused rather than allowed to exhaust the heap (a zip bomb, or not a list of people).
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** Excel's own limit: columns A to XFD. */
    public static final int MAX_COLUMNS = 16_384;
    /** No list we read has more than a few dozen columns; a row of thousands of cells is not one of ours. */
    public static final int MAX_CELLS_PER_ROW = 1_024;
    /** The uncompressed sheet: a million rows of twenty cells is about 400 MB. */
    static final long MAX_SHEET_BYTES = 1024L * 1024 * 1024;

    private XlsxRowReader() {
    }

    /** Receives the rows in sheet order. May throw to stop reading. */
    public interface RowHandler {
        /**
         * @param rowNumber    1-based, as Excel shows it
         * @param cells        cell texts by column (A = 0), "" for an empty cell; dates as {@code 2024-01-31}
         * @param fractionRead how much of the sheet has been read, 0 to 1, or -1 when unknown
         */
        void row(int rowNumber, List<String> cells, double fractionRead);
    }

    /** Reads with dates as {@code 2024-01-31}. */
    public static void read(Path file, RowHandler handler) {
        read(file, false, handler);
    }

    /**
     * @param withTime dates as {@code 2024-01-31 08:30:00} instead of {@code 2024-01-31}
     */
    public static void read(Path file, boolean withTime, RowHandler handler) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | IllegalArgumentException | RecordFormatException e) {
            throw new UnreadableSpreadsheetException("not an xlsx file", e);
        }
        try {
            for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
                if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new UnreadableSpreadsheetException("the shared strings table is too large", null);
                }
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableSpreadsheetException("the workbook has no sheet", null);
            }
            try (InputStream sheet = sheets.next()) {
                long size = sheets.getSheetPart().getSize();
                if (size > MAX_SHEET_BYTES) {
                    throw new UnreadableSpreadsheetException("the sheet is too large", null);
                }
                CountingInputStream counted = new CountingInputStream(sheet);
                RowCollector collector = new RowCollector(handler, counted, size);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                        new CellTexts(withTime), false));
                parser.parse(new InputSource(counted));
            }
        } catch (IOException | SAXException | OpenXML4JException | OpenXML4JRuntimeException | RecordFormatException
                 | javax.xml.parsers.ParserConfigurationException e) {
            throw new UnreadableSpreadsheetException("the workbook cannot be read", e);
        } finally {
            // opened read-only: revert, since close() would try to save
            pkg.revert();
        }
    }

    /** Gathers the cells of one row and hands the row on; sparse cells are filled with "". */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private final CountingInputStream counted;
        private final long size;
        private final List<String> cells = new ArrayList<>(16);
        private int lastColumn = -1;

        RowCollector(RowHandler handler, CountingInputStream counted, long size) {
            this.handler = handler;
            this.counted = counted;
            this.size = size;
        }

        private int cellsInRow;

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
            cellsInRow = 0;
        }

        @Override
        public void endRow(int rowNum) {
            double fraction = size > 0 ? Math.min(1.0, (double) counted.count() / size) : -1;
            handler.row(rowNum + 1, Collections.unmodifiableList(cells), fraction);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : column(reference);
            if (column < 0 || column >= MAX_COLUMNS) {
                throw new UnreadableSpreadsheetException("a cell lies beyond Excel's last column: " + reference, null);
            }
            if (++cellsInRow > MAX_CELLS_PER_ROW) {
                throw new UnreadableSpreadsheetException("a row has more than " + MAX_CELLS_PER_ROW + " cells", null);
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, value == null ? "" : value);
            } else {
                cells.add(value == null ? "" : value);
            }
            lastColumn = column;
        }

        /** "AB12" → 27; faster than CellReference for the one thing needed. Past XFD (or overflowing): -1. */
        static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
                if (column > MAX_COLUMNS) {
                    return -1;
                }
            }
            return column - 1;
        }
    }

    /** Counts the bytes of the sheet read so far, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
