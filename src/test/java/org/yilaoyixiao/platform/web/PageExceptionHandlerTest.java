package org.yilaoyixiao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemFactory;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;
import tools.jackson.databind.json.JsonMapper;

/** How page controllers' failures are answered, without a server. */
class PageExceptionHandlerTest {

    private final List<Object> published = new ArrayList<>();
    private final StaticMessageSource messages = new StaticMessageSource();
    private final ProblemFactory problems = new ProblemFactory(messages);
    private final PageExceptionHandler handler = new PageExceptionHandler(problems,
            new ProblemResponseWriter(problems, JsonMapper.builder().build()), messages, published::add,
            new NavigationModel(List.of()));

    @Test
    void aRealFaultIsAFiveHundredPageWithAnIncidentNumber() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView view = handler.unexpected(new IllegalStateException("boom"), page("/persons/1"), response);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(view.getViewName()).isEqualTo("error/general");
        assertThat((String) view.getModel().get("incident")).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat(view.getModel().toString()).doesNotContain("boom");
    }

    @Test
    void notFoundIsTheSamePageForMissingAndForeignRecordsAndIsPublished() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView view = handler.api(ApiException.notFound("person.not-found", "7"), page("/persons/7"), response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(view.getViewName()).isEqualTo("error/404");
        // no one is logged in here, so nothing is published; the audited case is in ErrorPagesTest
        assertThat(published).isEmpty();
    }

    @Test
    void aRouteUnderTheApiGetsAProblemDocument() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView view = handler.api(ApiException.notFound("person.not-found", "7"),
                page("/api/v1/persons/7/timeline"), response);
        assertThat(view.isEmpty()).isTrue();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void validationProblemsAreABadRequestPageWithTheReasons() throws Exception {
        messages.addMessage("validation.page.max", java.util.Locale.SIMPLIFIED_CHINESE, "页码太大");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView view = handler.api(ApiException.validation("page", "MAX", "validation.page.max"),
                page("/persons"), response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(view.getViewName()).isEqualTo("error/400");
        assertThat(view.getModel().get("reasons")).isEqualTo(List.of("页码太大"));
    }

    @Test
    void controlCharactersAreRecognised() {
        assertThat(RequestTextFilter.hasControlCharacters("叶\u0000")).isTrue();
        assertThat(RequestTextFilter.hasControlCharacters("a\u001bb")).isTrue();
        assertThat(RequestTextFilter.hasControlCharacters("\uD800x")).isTrue();
        assertThat(RequestTextFilter.hasControlCharacters("第一行\r\n第二行\t😀")).isFalse();
    }

    private static MockHttpServletRequest page(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setAttribute(org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE,
                new PlatformLocaleResolver());
        return request;
    }
}
