package org.yilaoyixiao.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.registry.RegistryPermissions;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * The registry's work in a clerk's inbox: one's own uploads checked and waiting for confirmation, and likely
 * duplicate records in one's scope waiting to be checked — both only for those who may change records.
 */
@Component
class RegistryInbox implements WorkInbox {

    static final String IMPORTS = "registry.inbox.imports";
    static final String DUPLICATES = "registry.inbox.duplicates";

    private final JdbcClient jdbc;
    private final LikelyDuplicates duplicates;

    RegistryInbox(JdbcClient jdbc, LikelyDuplicates duplicates) {
        this.jdbc = jdbc;
        this.duplicates = duplicates;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        if (RegistryPermissions.holds(user, RegistryPermissions.IMPORT)) {
            List<Long> waiting = jdbc.sql("""
                            select id from registry.person_import
                            where uploaded_by = :username and status = 'VALIDATED'
                            order by uploaded_at desc, id desc
                            """)
                    .param("username", user.username()).query(Long.class).list();
            if (!waiting.isEmpty()) {
                items.add(WorkItem.of(IMPORTS, waiting.size(), "/persons/import/" + waiting.get(0),
                        WorkItem.Urgency.DUE, 30));
            }
        }
        if (RegistryPermissions.holds(user, RegistryPermissions.WRITE)) {
            long groups = duplicates.count(user);
            if (groups > 0) {
                items.add(WorkItem.of(DUPLICATES, groups, "/persons/duplicates", WorkItem.Urgency.NORMAL, 80));
            }
        }
        return items;
    }
}
