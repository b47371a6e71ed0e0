package org.yilaoyixiao.platform.api;

/** A validated page request: page from 0, size from 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;
    /**
     * No list is read past this many rows: nobody pages that far, and an absurd page number (2147483647) is a
     * mistake to explain, not a query to run.
     */
    public static final long MAX_OFFSET = 10_000_000L;

    public PageRequest {
        if (page < 0) {
            throw ApiException.validation("page", "MIN", "validation.page.min");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.validation("size", "RANGE", "validation.size.range");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ApiException.validation("page", "MAX", "validation.page.max");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
