package org.yilaoyixiao.platform.api;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.web.PlatformLocaleResolver;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem document straight to the servlet response, for filters that run before Spring MVC. */
@Component
public class ProblemResponseWriter {

    private final ProblemFactory problems;
    private final ObjectMapper json;

    public ProblemResponseWriter(ProblemFactory problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code) throws IOException {
        write(request, response, code, new Object[0]);
    }

    /** With arguments for the code's standard detail message. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, Object[] detailArgs)
            throws IOException {
        ApiProblem problem = problems.create(code, "problem." + code.name() + ".detail", detailArgs,
                List.of(), request.getRequestURI(), PlatformLocaleResolver.localeOf(request));
        write(response, problem);
    }

    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(ApiProblem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
        response.getWriter().flush();
    }
}
