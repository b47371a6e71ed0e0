package org.yilaoyixiao.workspace;

/**
 * One concrete task shown under an inbox item: who or what (the elder's name, already masked where it must be), where
 * and when, a link to do it, and optionally a telephone number to call with one tap.
 *
 * @param title the elder's or record's name
 * @param detail village, address, due date: plain text in the reader's language
 * @param path where the task is done
 * @param urgent overdue or critical
 * @param telephone a number to dial from a phone, or null
 * @param familyTelephone the family contact's number (a son in Milan), or null; shown beside the elder's own
 */
public record WorkTask(String title, String detail, String path, boolean urgent, String telephone,
                       String familyTelephone) {

    public WorkTask(String title, String detail, String path, boolean urgent, String telephone) {
        this(title, detail, path, urgent, telephone, null);
    }

    /** The elder's number and, when it is another one, the family's. */
    public static WorkTask calling(String title, String detail, String path, boolean urgent, String own,
                                   String family) {
        String first = own != null ? own : family;
        String second = own != null && family != null && !family.equals(own) ? family : null;
        return new WorkTask(title, detail, path, urgent, first, second);
    }
}
