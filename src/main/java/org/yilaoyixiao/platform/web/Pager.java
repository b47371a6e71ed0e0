package org.yilaoyixiao.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.yilaoyixiao.platform.api.PageResponse;

/**
 * The page links under a server-paged list: the total, "第 3 / 618 页", the first and last pages, a window around
 * the current one, previous and next. Links keep every filter of the current address and change only {@code page}
 * (0-based on the wire, 1-based on screen). Use {@link #of(PageResponse)} in a page controller and render with
 * {@code fragments/pager :: pager(${pager})}.
 */
public record Pager(long total, int page, int size, int pageCount, List<Link> links, String previous, String next) {

    private static final int WINDOW = 2;

    /** Links for the current request's address. */
    public static Pager of(PageResponse<?> results) {
        return of(results.page(), results.size(), results.totalElements(),
                ServletUriComponentsBuilder.fromCurrentRequest());
    }

    public static Pager of(int page, int size, long total, UriComponentsBuilder current) {
        int pageCount = (int) Math.max(1, (total + size - 1) / size);
        List<Link> links = new ArrayList<>();
        int last = pageCount - 1;
        int previousShown = -1;
        for (int p = 0; p <= last; p++) {
            boolean shown = p == 0 || p == last || Math.abs(p - page) <= WINDOW;
            if (!shown) {
                continue;
            }
            if (previousShown >= 0 && p > previousShown + 1) {
                links.add(new Link(0, null, false, true));
            }
            links.add(new Link(p + 1, href(current, p), p == page, false));
            previousShown = p;
        }
        return new Pager(total, page, size, pageCount, List.copyOf(links),
                page > 0 ? href(current, Math.min(page - 1, last)) : null,
                page < last ? href(current, page + 1) : null);
    }

    private static String href(UriComponentsBuilder current, int page) {
        return current.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
    }

    /** The first row shown, counted from 1 (0 when there are none). */
    public long from() {
        return total == 0 ? 0 : Math.min(total, (long) page * size + 1);
    }

    /** The last row shown. */
    public long to() {
        return Math.min(total, (long) (page + 1) * size);
    }

    /** One page number to click, or a gap ("…") between numbers. */
    public record Link(int number, String href, boolean current, boolean gap) {
    }
}
