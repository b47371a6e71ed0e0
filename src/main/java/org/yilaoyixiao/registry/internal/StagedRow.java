package org.yilaoyixiao.registry.internal;

import java.util.List;

/**
 * One checked spreadsheet row as it goes into staging: the cells as written (the ID number only encrypted, with its
 * blind index and masked form), the outcome and its reasons, and for a valid row the person to insert on confirmation.
 */
record StagedRow(int rowNumber, RowOutcome outcome, List<RowProblem> problems, byte[] idNumberCipher,
                 byte[] idNumberIndex, String idNumberMasked, PersonSheetFormat.SheetRow cells,
                 PersonValidation.ValidPerson person) {
}
