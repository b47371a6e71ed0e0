package org.yilaoyixiao.assessment.internal;

import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yilaoyixiao.assessment.AssessmentPermissions;
import org.yilaoyixiao.platform.security.CurrentUsers;

/** The page where a clerk uploads an earlier system's MZ/T 039-2013 results and sees what was stored or why not. */
@Controller
class LegacyImportPageController {

    private final LegacyAssessmentImport importer;
    private final CurrentUsers currentUsers;

    LegacyImportPageController(LegacyAssessmentImport importer, CurrentUsers currentUsers) {
        this.importer = importer;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/assessment/legacy-import")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    String form(Model model) {
        model.addAttribute("result", null);
        return "assessment/legacy-import";
    }

    /** The blank template through the page's session (the API route answers HTTP Basic only). */
    @GetMapping("/assessment/legacy-import/template.xlsx")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    void template(jakarta.servlet.http.HttpServletResponse response) throws IOException {
        org.yilaoyixiao.platform.web.Downloads.prepare(response, org.yilaoyixiao.platform.web.Downloads.XLSX,
                "历史评估结果导入模板-MZT039-2013.xlsx");
        response.getOutputStream().write(LegacySheetTemplate.xlsx());
    }

    @PostMapping("/assessment/legacy-import")
    @PreAuthorize("hasAuthority('" + AssessmentPermissions.MANAGE + "')")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("result", importer.run(file.getOriginalFilename(), file.getBytes(), currentUsers.require()));
        return "assessment/legacy-import";
    }
}
