package org.yilaoyixiao.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.spreadsheet.TabularFile;

/**
 * A feed file (CSV in UTF-8 or xlsx, a header row naming the columns as the JSON fields are named) read into the
 * records the JSON API takes, so that both go through the same checks.
 */
final class FeedFiles {

    private FeedFiles() {
    }

    static List<Map<String, Object>> read(String fileName, InputStream in) throws IOException {
        TabularFile.Format format = TabularFile.formatOf(fileName);
        if (format == null) {
            throw ApiException.validation("file", "FORMAT", "exchange.file.format");
        }
        List<List<String>> rows;
        try {
            rows = TabularFile.read(format, in, Feeds.MAX_RECORDS);
        } catch (TabularFile.Unreadable e) {
            throw ApiException.validation("file", "FORMAT", "exchange.file.format");
        }
        if (rows.size() < 2) {
            throw ApiException.validation("file", "EMPTY", "exchange.feed.empty");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        if (!header.contains("recordId") || !header.contains("type") || !header.contains("idNumber")) {
            throw ApiException.validation("file", "HEADER", "exchange.file.header");
        }
        return rows.subList(1, rows.size()).stream().map(cells -> FeedParser.rowAsObject(header, cells)).toList();
    }
}
