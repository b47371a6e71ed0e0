package org.yilaoyixiao.platform.api;

import java.util.List;
import java.util.function.Function;

/** The one shape of every paged list in the API. */
public record PageResponse<T>(List<T> items, int page, int size, long totalElements) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalElements);
    }
}
