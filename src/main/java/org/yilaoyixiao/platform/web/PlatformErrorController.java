package org.yilaoyixiao.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.api.ProblemResponseWriter;

/**
 * The single place errors end up after the servlet container forwards them: API paths get a problem document, pages
 * get a Chinese (or English) error page. Neither ever shows a stack trace or an exception message.
 */
@Controller
class PlatformErrorController implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlatformErrorController.class);

    private final ProblemResponseWriter problems;

    PlatformErrorController(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        int status = statusOf(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            problems.write(request, response, ProblemCode.forStatus(status));
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        if (status >= 500) {
            String incident = Incidents.next();
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected failure on {} (incident {})", path, incident,
                    failure instanceof Throwable t ? t : null);
            model.addAttribute("incident", incident);
        }
        return ErrorViews.viewFor(status);
    }

    private static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400) {
            return status;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
}
