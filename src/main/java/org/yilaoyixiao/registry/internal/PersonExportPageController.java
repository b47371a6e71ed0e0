package org.yilaoyixiao.registry.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

/** The export link of the people list: {@code /persons/export?division=…&category=…} downloads the filtered list. */
@Controller
class PersonExportPageController {

    private final PersonExport export;
    private final CurrentUsers currentUsers;

    PersonExportPageController(PersonExport export, CurrentUsers currentUsers) {
        this.export = export;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/persons/export")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.EXPORT + "')")
    void export(@ModelAttribute PersonFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        PersonSearch.Query query = export.query(filter.criteria(), actor);
        XlsxDownload.prepare(response, export.fileName(actor));
        export.write(filter.criteria(), query, actor, locale, response.getOutputStream());
    }

    /** A list too long for one sheet: the error page (400), since the file cannot be made. */
    @ExceptionHandler(ApiException.class)
    void refused(ApiException e, HttpServletResponse response) throws IOException {
        response.sendError(e.code().status().value());
    }
}
