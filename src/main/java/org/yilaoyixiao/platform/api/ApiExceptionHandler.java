package org.yilaoyixiao.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every failure of a REST controller becomes an RFC 9457 problem with a stable code. A 500 never carries the
 * exception's message: it is logged with an id the clerk can quote instead.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ProblemFactory problems;

    ApiExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiProblem> api(ApiException e, HttpServletRequest request) {
        return respond(problems.create(e, request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiProblem> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldProblem(f.getField(), constraintCode(f.getCode()),
                        "validation." + (f.getCode() == null ? "invalid" : f.getCode()), new Object[]{f.getField()}))
                .toList();
        return respond(problems.create(ApiException.validation(fields), request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiProblem> unreadable(Exception e, HttpServletRequest request) {
        return respond(problems.create(ProblemCode.VALIDATION_FAILED, "problem.unreadable.detail", new Object[0],
                List.of(), request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiProblem> denied(Exception e, HttpServletRequest request) {
        return respond(problems.create(ProblemCode.FORBIDDEN, request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiProblem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(problems.create(ProblemCode.METHOD_NOT_ALLOWED, request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problems.create(ProblemCode.UNSUPPORTED_MEDIA_TYPE, request.getRequestURI(), locale(request)));
    }

    /** Spring's own request errors (a missing part or parameter, a bad multipart, …) carry their 4xx status. */
    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class,
            ErrorResponseException.class, HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class})
    ResponseEntity<ApiProblem> framework(Exception e, HttpServletRequest request) {
        int status = ((ErrorResponse) e).getStatusCode().value();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemCode code = ProblemCode.forStatus(status);
        String detailKey = code == ProblemCode.VALIDATION_FAILED ? "problem.request.detail" : "problem." + code + ".detail";
        return respond(problems.create(code, detailKey, new Object[0], List.of(), request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiProblem> multipart(MultipartException e, HttpServletRequest request) {
        return respond(problems.create(ProblemCode.VALIDATION_FAILED, "problem.request.detail", new Object[0],
                List.of(), request.getRequestURI(), locale(request)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e, HttpServletRequest request) {
        String incident = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected failure on {} {} (incident {})", request.getMethod(), request.getRequestURI(), incident, e);
        return respond(problems.create(ProblemCode.INTERNAL_ERROR, "problem.INTERNAL_ERROR.detail",
                new Object[]{incident}, List.of(), request.getRequestURI(), locale(request)));
    }

    private static String constraintCode(String beanValidationCode) {
        if (beanValidationCode == null) {
            return "INVALID";
        }
        return switch (beanValidationCode) {
            case "NotBlank", "NotNull", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> "SIZE";
            case "Pattern" -> "PATTERN";
            default -> beanValidationCode.toUpperCase(Locale.ROOT);
        };
    }

    private static Locale locale(HttpServletRequest request) {
        return RequestContextUtils.getLocale(request);
    }

    private static ResponseEntity<ApiProblem> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                .body(problem);
    }
}
