package org.yilaoyixiao.notifications.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.NotificationPermissions;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.NavigationArea;

/** The in-app messages for the divisions in the user's scope and for the user personally (消息), newest first. */
@Controller
class InAppMessages {

    record Message(LocalDateTime at, String division, String subject, String body, String reference) {
    }

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;

    InAppMessages(JdbcClient jdbc, DivisionDirectory divisions, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAuthority('" + NotificationPermissions.READ + "')")
    String list(Model model) {
        CurrentUser actor = currentUsers.require();
        Set<String> scope = divisions.subtreeCodes(actor.divisionCode());
        List<Message> messages = jdbc.sql("""
                        select created_at, case when recipient like 'division:%' then substring(recipient from 10)
                                   else '' end, subject, body, reference
                        from notifications.message
                        where channel = 'IN_APP' and ((recipient like 'division:%'
                              and substring(recipient from 10) in (:scope)) or recipient = :me)
                        order by created_at desc, id desc limit 200
                        """).param("scope", scope).param("me", Notification.user(actor.username()))
                .query((rs, i) -> new Message(LocalDateTime.ofInstant(rs.getObject(1, OffsetDateTime.class)
                        .toInstant(), BusinessTime.ZONE), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
        model.addAttribute("messages", messages);
        return "notifications/list";
    }

    @Bean
    static NavigationContributor notificationNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.WORKBENCH, "nav.notifications", "/notifications",
                NotificationPermissions.READ, 80));
    }
}
