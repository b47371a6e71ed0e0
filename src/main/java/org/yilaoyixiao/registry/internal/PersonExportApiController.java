package org.yilaoyixiao.registry.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.registry.RegistryPermissions;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "People registry")
class PersonExportApiController {

    private final PersonExport export;
    private final CurrentUsers currentUsers;

    PersonExportApiController(PersonExport export, CurrentUsers currentUsers) {
        this.export = export;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('" + RegistryPermissions.EXPORT + "')")
    @Operation(summary = "The filtered list (criteria as in GET /api/v1/persons, without paging) as xlsx, ID numbers "
            + "masked; audited")
    void export(@ModelAttribute PersonFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser actor = currentUsers.require();
        PersonSearch.Query query = export.query(filter.criteria(), actor);
        XlsxDownload.prepare(response, export.fileName(actor));
        export.write(filter.criteria(), query, actor, locale, response.getOutputStream());
    }
}
