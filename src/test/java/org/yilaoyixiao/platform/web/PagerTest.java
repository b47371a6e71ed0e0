package org.yilaoyixiao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class PagerTest {

    private static UriComponentsBuilder current(String query) {
        return UriComponentsBuilder.fromUriString("/persons?" + query);
    }

    @Test
    void theLinksKeepTheFiltersAndShowTheFirstTheLastAndAWindowAroundTheCurrentPage() {
        Pager pager = Pager.of(10, 20, 10_000, current("q=%E5%8F%B6&division=331121001&page=10"));
        assertThat(pager.pageCount()).isEqualTo(500);
        assertThat(pager.from()).isEqualTo(201);
        assertThat(pager.to()).isEqualTo(220);
        List<Integer> numbers = pager.links().stream().map(Pager.Link::number).toList();
        // 1 … 9 10 11 12 13 … 500 (0 stands for a gap)
        assertThat(numbers).containsExactly(1, 0, 9, 10, 11, 12, 13, 0, 500);
        assertThat(pager.links().stream().filter(Pager.Link::current).map(Pager.Link::number)).containsExactly(11);
        assertThat(pager.next()).isEqualTo("/persons?q=%E5%8F%B6&division=331121001&page=11");
        assertThat(pager.previous()).isEqualTo("/persons?q=%E5%8F%B6&division=331121001&page=9");
    }

    @Test
    void aSinglePageHasNoPreviousNorNext() {
        Pager pager = Pager.of(0, 20, 7, current("status=OPEN"));
        assertThat(pager.pageCount()).isEqualTo(1);
        assertThat(pager.previous()).isNull();
        assertThat(pager.next()).isNull();
        assertThat(pager.links()).hasSize(1);
        assertThat(Pager.of(0, 20, 0, current("")).from()).isZero();
    }
}
