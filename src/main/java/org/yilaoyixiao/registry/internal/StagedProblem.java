package org.yilaoyixiao.registry.internal;

import java.util.List;

/**
 * A row of an upload that is not (or was not) imported, as the report shows it: the cells as written and the reasons.
 * {@code idNumberCipher} is filled only where the full number may be shown (the downloadable report).
 */
record StagedProblem(int rowNumber, RowOutcome outcome, List<RowProblem> problems, String idNumberMasked,
                     byte[] idNumberCipher, String name, String phone, String residence, String localHukou,
                     String economicStatus, String livingSituation, String deathDate) {
}
