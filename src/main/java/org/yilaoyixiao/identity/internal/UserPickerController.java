package org.yilaoyixiao.identity.internal;

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
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.persistence.LikePattern;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.web.PickerOption;

/**
 * The user picker's choices: enabled accounts in the user's scope whose name (or username) contains what was typed,
 * optionally with one role — a township clerk choosing the butler to visit a village or to take an order. Shown by
 * display name, role and division; the value is the username, which the forms that take a user already expect.
 * Field staff do not pick colleagues, so butlers get no answer.
 */
@Controller
@PreAuthorize("isAuthenticated() and !hasRole('BUTLER')")
class UserPickerController {

    static final int CHOICES = 12;

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    UserPickerController(JdbcClient jdbc, DivisionDirectory divisions, CurrentUsers currentUsers,
                         MessageSource messages) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/users/pick")
    String pick(@RequestParam(defaultValue = "") String term, @RequestParam(required = false) Role role, Model model,
                Locale locale) {
        String text = term.strip();
        List<PickerOption> options = List.of();
        if (!text.isEmpty()) {
            CurrentUser actor = currentUsers.require();
            String[] codes = divisions.subtreeCodes(actor.divisionCode()).toArray(String[]::new);
            List<Row> rows = jdbc.sql("""
                            select a.username, a.display_name, a.division_code,
                                   array(select r.role from identity.user_role r where r.user_id = a.id
                                         order by r.role) as roles
                            from identity.user_account a
                            where a.enabled and a.division_code = any(:codes)
                              and (a.display_name ilike :pattern or a.username ilike :pattern)
                              and (cast(:role as varchar) is null or exists (select 1 from identity.user_role r
                                   where r.user_id = a.id and r.role = cast(:role as varchar)))
                            order by (a.username = :exact) desc, (a.display_name ilike :prefix) desc, a.display_name, a.username
                            limit :limit
                            """)
                    .param("codes", codes)
                    .param("pattern", "%" + LikePattern.literal(text) + "%")
                    .param("prefix", LikePattern.literal(text) + "%")
                    .param("exact", text)
                    .param("role", role == null ? null : role.name())
                    .param("limit", CHOICES)
                    .query((rs, i) -> new Row(rs.getString("username"), rs.getString("display_name"),
                            rs.getString("division_code"), List.of((String[]) rs.getArray("roles").getArray())))
                    .list();
            options = rows.stream().map(r -> new PickerOption(r.username(), r.displayName(), detail(r, locale)))
                    .toList();
        }
        model.addAttribute("options", options);
        model.addAttribute("term", text);
        return "fragments/picker :: options";
    }

    private String detail(Row row, Locale locale) {
        String roles = row.roles().stream()
                .map(r -> messages.getMessage("role." + r, null, r, locale)).collect(Collectors.joining("、"));
        String division = divisions.find(row.divisionCode()).map(d -> d.name()).orElse(row.divisionCode());
        // the login name tells apart two people of the same name in the same place
        return roles + " · " + division + " · " + row.username();
    }

    record Row(String username, String displayName, String divisionCode, List<String> roles) {
    }
}
