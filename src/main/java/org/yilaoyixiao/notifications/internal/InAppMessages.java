package org.yilaoyixiao.notifications.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.notifications.LocalizedText;
import org.yilaoyixiao.notifications.Notification;
import org.yilaoyixiao.notifications.NotificationPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.platform.web.NavigationArea;
import org.yilaoyixiao.platform.web.NavigationContributor;
import org.yilaoyixiao.platform.web.NavigationEntry;
import org.yilaoyixiao.platform.web.Pager;

/**
 * The in-app messages for the divisions in the user's scope and for the user personally (消息), newest first, paged.
 * A message stored with message keys is put into words in the reader's language; an older one shows its stored words.
 */
@Controller
class InAppMessages {

    record Message(LocalDateTime at, String subject, String body, String link) {
    }

    /** The divisions of one's scope and oneself, as recipients: the in-app index answers it. */
    private static final String WHERE = " where channel = 'IN_APP' and recipient = any(:recipients)";

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    InAppMessages(JdbcClient jdbc, DivisionDirectory divisions, CurrentUsers currentUsers, MessageSource messages) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAuthority('" + NotificationPermissions.READ + "')")
    String list(@RequestParam(required = false) Integer page, Model model, Locale locale) {
        CurrentUser actor = currentUsers.require();
        PageRequest request = PageRequest.of(page, 50);
        Set<String> scope = divisions.subtreeCodes(actor.divisionCode());
        String[] recipients = java.util.stream.Stream.concat(scope.stream().map(Notification::division),
                java.util.stream.Stream.of(Notification.user(actor.username()))).toArray(String[]::new);
        long total = jdbc.sql("select count(*) from notifications.message" + WHERE).param("recipients", recipients)
                .query(Long.class).single();
        List<Message> found = jdbc.sql("select created_at, subject, body, subject_key, body_key, text_args, link"
                        + " from notifications.message" + WHERE
                        + " order by created_at desc, id desc limit :size offset :offset")
                .param("recipients", recipients).param("size", request.size())
                .param("offset", request.offset())
                .query((rs, i) -> {
                    java.sql.Array array = rs.getArray(6);
                    List<String> args = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
                    String subjectKey = rs.getString(4);
                    String bodyKey = rs.getString(5);
                    return new Message(LocalDateTime.ofInstant(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            BusinessTime.ZONE),
                            subjectKey == null ? rs.getString(2)
                                    : new LocalizedText(subjectKey, args).in(messages, locale),
                            bodyKey == null ? rs.getString(3) : new LocalizedText(bodyKey, args).in(messages, locale),
                            rs.getString(7));
                }).list();
        PageResponse<Message> results = new PageResponse<>(found, request.page(), request.size(), total);
        model.addAttribute("messages", found);
        model.addAttribute("pager", Pager.of(results));
        return "notifications/list";
    }

    @Bean
    static NavigationContributor notificationNavigation() {
        return () -> List.of(NavigationEntry.of(NavigationArea.WORKBENCH, "nav.notifications", "/notifications",
                NotificationPermissions.READ, 80));
    }
}
