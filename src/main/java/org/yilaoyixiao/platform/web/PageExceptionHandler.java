package org.yilaoyixiao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ApiProblem;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.api.ProblemFactory;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;

/**
 * Failures of page controllers as a clerk understands them: a record that is missing or outside one's scope is the
 * "未找到或无权查看" page (404) — the same answer for both, so it never tells whether someone exists elsewhere —, a
 * refused action the 403 page, bad parameters a 400 page that says what was wrong, and only a real fault the 500
 * page, with the incident number the log carries. Routes under {@code /api/} that live in page controllers get the
 * API's problem document instead. Refusals are published as {@link RecordRefused} for the audit trail.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final ProblemFactory problems;
    private final ProblemResponseWriter writer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final NavigationModel navigation;

    PageExceptionHandler(ProblemFactory problems, ProblemResponseWriter writer, MessageSource messages,
                         ApplicationEventPublisher events, NavigationModel navigation) {
        this.navigation = navigation;
        this.problems = problems;
        this.writer = writer;
        this.messages = messages;
        this.events = events;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = RequestContextUtils.getLocale(request);
        int status = e.code().status().value();
        if (status == 404 || status == 403) {
            refused(request, status);
        }
        if (isApi(request)) {
            return problem(response, problems.create(e, request.getRequestURI(), locale));
        }
        return page(request, response, status, e.messagesIn(messages, locale));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ModelAndView denied(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        refused(request, 403);
        return standard(request, response, ProblemCode.FORBIDDEN, "problem.FORBIDDEN.detail");
    }

    /** Parameters that are not what the page takes: a word where a number goes, an unknown choice, a missing one. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            ServletRequestBindingException.class, BindException.class, HttpMessageNotReadableException.class,
            HandlerMethodValidationException.class, MultipartException.class, IllegalArgumentException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e instanceof MaxUploadSizeExceededException) {
            return standard(request, response, ProblemCode.VALIDATION_FAILED, "problem.upload-too-large.detail");
        }
        if (e instanceof IllegalArgumentException && !(e.getCause() instanceof NumberFormatException)
                && !isParameterProblem(e)) {
            return unexpected(e, request, response);
        }
        log.debug("Bad request on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return standard(request, response, ProblemCode.VALIDATION_FAILED, "problem.request.detail");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noResource(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return standard(request, response, ProblemCode.NOT_FOUND, "problem.NOT_FOUND.detail");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return standard(request, response, ProblemCode.METHOD_NOT_ALLOWED, "problem.METHOD_NOT_ALLOWED.detail");
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ModelAndView mediaType(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return standard(request, response, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "problem.UNSUPPORTED_MEDIA_TYPE.detail");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String incident = Incidents.next();
        log.error("Unexpected failure on {} {} (incident {})", request.getMethod(), request.getRequestURI(),
                incident, e);
        if (isApi(request)) {
            return problem(response, problems.create(ProblemCode.INTERNAL_ERROR, "problem.INTERNAL_ERROR.detail",
                    new Object[]{incident}, List.of(), request.getRequestURI(), RequestContextUtils.getLocale(request)));
        }
        ModelAndView view = page(request, response, 500, List.of());
        view.addObject("incident", incident);
        return view;
    }

    private ModelAndView standard(HttpServletRequest request, HttpServletResponse response, ProblemCode code,
                                  String detailKey) throws IOException {
        Locale locale = RequestContextUtils.getLocale(request);
        if (isApi(request)) {
            return problem(response, problems.create(code, detailKey, new Object[0], List.of(),
                    request.getRequestURI(), locale));
        }
        return page(request, response, code.status().value(),
                List.of(messages.getMessage(detailKey, null, detailKey, locale)));
    }

    /** The error page inside the shell, with the user's navigation, so that they can go on from there. */
    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status,
                              List<String> reasons) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView(ErrorViews.viewFor(status));
        view.addObject("navigation", navigation.navigation(request));
        view.addObject("status", status);
        view.addObject("reasons", reasons);
        return view;
    }

    private ModelAndView problem(HttpServletResponse response, ApiProblem problem) throws IOException {
        writer.write(response, problem);
        return new ModelAndView();
    }

    private void refused(HttpServletRequest request, int status) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            events.publishEvent(new RecordRefused(authentication.getName(), request.getMethod(),
                    request.getRequestURI(), status));
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Conversions of request values (enums, numbers, dates) throw IllegalArgumentException wrapped or not. */
    private static boolean isParameterProblem(Exception e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.springframework.core.convert") || type.startsWith("org.springframework.format")
                    || type.startsWith("org.springframework.beans.TypeConverter")) {
                return true;
            }
        }
        return false;
    }
}
