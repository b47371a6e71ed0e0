package org.yilaoyixiao.workspace;

import java.util.List;

/**
 * One kind of work waiting for a user: a label, how many, and the page where it is done. {@code tasks} optionally
 * names the first few concrete things (a butler's visits of the day, with the elder's address and phone), most urgent
 * first, so that a phone user can act from the inbox itself.
 *
 * @param labelKey message key of the label, e.g. "visits.inbox.overdue"
 * @param count how many are waiting; items with none are not shown
 * @param path the page where the work is done, with its filters
 * @param urgency how the item is marked
 * @param order position among all items; lower first
 */
public record WorkItem(String labelKey, long count, String path, Urgency urgency, int order, List<WorkTask> tasks) {

    public WorkItem {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static WorkItem of(String labelKey, long count, String path, Urgency urgency, int order) {
        return new WorkItem(labelKey, count, path, urgency, order, List.of());
    }

    public WorkItem withTasks(List<WorkTask> tasks) {
        return new WorkItem(labelKey, count, path, urgency, order, tasks);
    }

    /** How an item is marked: overdue or unhandled alerts first and red, due soon amber, the rest plain. */
    public enum Urgency {
        URGENT, DUE, NORMAL
    }
}
