package org.yilaoyixiao.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400, addresses and form fields carrying control characters (a NUL byte, an escape): no clerk types
 * them, PostgreSQL cannot store a NUL in text, and letting one through turned a search into a 500. Tabs and line
 * breaks stay allowed (a note may have several lines). Uploads are not read here: their files are checked by the
 * importers, row by row.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasControlCharacters(request.getRequestURI()) || hasControlCharacters(request.getQueryString())
                || (!isMultipart(request) && parametersHaveControlCharacters(request.getParameterMap()))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean parametersHaveControlCharacters(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (hasControlCharacters(entry.getKey())) {
                return true;
            }
            for (String value : entry.getValue()) {
                if (hasControlCharacters(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasControlCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == '\uFFFD'
                    || (Character.isSurrogate(c) && !validSurrogatePair(text, i))) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return false;
    }

    private static boolean validSurrogatePair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
