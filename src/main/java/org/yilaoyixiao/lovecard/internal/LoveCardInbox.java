package org.yilaoyixiao.lovecard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.Role;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.workspace.WorkInbox;
import org.yilaoyixiao.workspace.WorkItem;

/**
 * The love card in the inbox of those who fund it (bureau, township and county staff in the pilot areas): the elders
 * of their scope who qualify and have no card yet — the next batch allocation opens their cards.
 */
@Component
class LoveCardInbox implements WorkInbox {

    private final LoveCardRepository cards;
    private final LoveCardSettings settings;
    private final LoveCardThresholds thresholds;
    private final DivisionDirectory divisions;
    private final Clock clock;

    LoveCardInbox(LoveCardRepository cards, LoveCardSettings settings, LoveCardThresholds thresholds,
                  DivisionDirectory divisions, Clock clock) {
        this.cards = cards;
        this.settings = settings;
        this.thresholds = thresholds;
        this.divisions = divisions;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        if (!(user.hasRole(Role.BUREAU_STAFF) || user.hasRole(Role.TOWNSHIP_STAFF)
                || user.hasRole(Role.COUNTY_ADMIN))) {
            return List.of();
        }
        // the pilot areas' divisions that lie in the user's scope: two subtrees intersected, not a look-up per code
        Set<String> pilots = settings.pilotDivisions().stream().flatMap(p -> divisions.subtreeCodes(p).stream())
                .collect(Collectors.toSet());
        Set<String> area = divisions.subtreeCodes(user.divisionCode()).stream().filter(pilots::contains)
                .collect(Collectors.toSet());
        if (area.isEmpty()) {
            return List.of();
        }
        LocalDate today = BusinessTime.today(clock);
        long waiting = cards.countEligibleWithoutCard(area, thresholds.minCapabilityLevel(today),
                today.minusYears(thresholds.minAge(today)));
        return List.of(WorkItem.of("lovecard.inbox.without-card", waiting, "/love-cards", WorkItem.Urgency.NORMAL,
                60));
    }
}
