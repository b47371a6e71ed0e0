package org.yilaoyixiao.facilities.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.facilities.FacilitiesPermissions;
import org.yilaoyixiao.platform.persistence.LikePattern;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.web.PickerOption;

/**
 * The facility picker's choices: institutions, care centres or childcare providers whose name contains what was
 * typed. Facilities are public registers, not personal data, so the whole county is offered (an elder of one township
 * may move into an institution of another), those in the user's own scope first.
 */
@Controller
@PreAuthorize("hasAuthority('" + FacilitiesPermissions.READ + "')")
class FacilityPickerController {

    static final int CHOICES = 12;

    /** Which register a picker reads. */
    enum Kind {
        INSTITUTION("facilities.institution", "institution-kind."),
        CARE_CENTRE("facilities.care_centre", "care-centre-kind."),
        PROVIDER("facilities.childcare_provider", "provider-kind.");

        private final String table;
        private final String kindKeyPrefix;

        Kind(String table, String kindKeyPrefix) {
            this.table = table;
            this.kindKeyPrefix = kindKeyPrefix;
        }
    }

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    FacilityPickerController(JdbcClient jdbc, DivisionDirectory divisions, CurrentUsers currentUsers,
                             MessageSource messages) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/facilities/pick")
    String pick(@RequestParam Kind kind, @RequestParam(defaultValue = "") String term, Model model, Locale locale) {
        String text = term.strip();
        List<PickerOption> options = List.of();
        if (!text.isEmpty()) {
            CurrentUser actor = currentUsers.require();
            String county = actor.divisionCode().length() >= 6 ? actor.divisionCode().substring(0, 6)
                    : actor.divisionCode();
            List<Row> rows = jdbc.sql("select id, name, division_code, kind from " + kind.table
                            + " where name like :name and division_code like :county"
                            + " order by (division_code like :scope) desc, name, id limit :limit")
                    .param("name", "%" + LikePattern.literal(text) + "%")
                    .param("county", county + "%")
                    .param("scope", LikePattern.literal(actor.divisionCode()) + "%")
                    .param("limit", CHOICES)
                    .query(Row.class).list();
            options = rows.stream().map(r -> new PickerOption(Long.toString(r.id()), r.name(),
                    messages.getMessage(kind.kindKeyPrefix + r.kind(), null, r.kind(), locale) + " · "
                            + place(r.divisionCode()))).toList();
        }
        model.addAttribute("options", options);
        model.addAttribute("term", text);
        return "fragments/picker :: options";
    }

    /** The township and village, without the county everyone shares. */
    private String place(String divisionCode) {
        List<Division> path = divisions.path(divisionCode);
        return path.stream().skip(Math.min(1, path.size() - 1)).map(Division::name)
                .collect(Collectors.joining(" › "));
    }

    record Row(long id, String name, String divisionCode, String kind) {
    }
}
