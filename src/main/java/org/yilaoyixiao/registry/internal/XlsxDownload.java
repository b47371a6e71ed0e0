package org.yilaoyixiao.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Response headers of an xlsx download; the file name may be Chinese (RFC 6266 {@code filename*}). */
final class XlsxDownload {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDownload() {
    }

    static void prepare(HttpServletResponse response, String fileName) {
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
