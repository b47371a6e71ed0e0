package org.yilaoyixiao.registry.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Checks the rows of one upload, in file order: every field with {@link PersonValidation} (the rules of the form and
 * the API), the residence against the uploader's data scope, and the ID number against the rows before it. Whether
 * a number is registered already is checked afterwards for the whole file at once, in the database.
 */
final class ImportRowValidator {

    /** Longest cell text kept in staging; longer texts are wrong anyway and are cut for the report. */
    static final int MAX_TEXT = 200;

    private final PersonSheetFormat format;
    private final PersonValidation validation;
    private final DivisionDirectory divisions;
    private final String scopeCode;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    /** Blind index of each ID number seen → the row it was first seen in. */
    private final Map<ByteBuffer, Integer> firstRowOf = new HashMap<>();

    /** @param divisions should remember look-ups ({@link RememberingDivisions}); it is asked for every row */
    ImportRowValidator(PersonSheetFormat format, DivisionDirectory divisions, Clock clock, String scopeCode,
                       FieldCipher cipher, BlindIndex blindIndex) {
        this.format = format;
        this.validation = new PersonValidation(divisions, clock);
        this.divisions = divisions;
        this.scopeCode = scopeCode;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    StagedRow check(PersonSheetFormat.SheetRow row) {
        PersonSheetFormat.Reading reading = format.read(row);
        PersonValidation.Result result = validation.validate(reading.command());
        List<RowProblem> problems = new ArrayList<>(reading.cellProblems());
        boolean residenceKnown = true;
        for (FieldProblem problem : result.problems()) {
            if (problem.field().equals("residenceDivisionCode")) {
                residenceKnown = false;
            }
            if (!reading.unreadableFields().contains(problem.field())) {
                problems.add(new RowProblem(problem.messageKey(),
                        problem.args().length == 0 ? null : String.valueOf(problem.args()[0])));
            }
        }
        if (residenceKnown && !divisions.isWithin(scopeCode, row.residence())) {
            problems.add(new RowProblem("person.residence.out-of-scope", row.residence()));
        }

        String idText = cut(row.idNumber().toUpperCase());
        byte[] index = idText.isEmpty() ? null : blindIndex.of(idText);
        byte[] encrypted = idText.isEmpty() ? null : cipher.encrypt(idText);
        String masked = idText.isEmpty() ? null : ResidentIdNumber.mask(idText);
        if (index != null) {
            Integer first = firstRowOf.putIfAbsent(ByteBuffer.wrap(index), row.rowNumber());
            if (first != null) {
                problems.add(new RowProblem("person-import.row.duplicate-in-file", Integer.toString(first)));
                return staged(row, RowOutcome.DUPLICATE_IN_FILE, problems, encrypted, index, masked, null);
            }
        }
        if (!problems.isEmpty()) {
            return staged(row, RowOutcome.INVALID, problems, encrypted, index, masked, null);
        }
        return staged(row, RowOutcome.VALID, List.of(), encrypted, index, masked, result.person());
    }

    private static StagedRow staged(PersonSheetFormat.SheetRow row, RowOutcome outcome, List<RowProblem> problems,
                                    byte[] cipher, byte[] index, String masked, PersonValidation.ValidPerson person) {
        PersonSheetFormat.SheetRow cells = new PersonSheetFormat.SheetRow(row.rowNumber(), null, cut(row.name()),
                cut(row.phone()), cut(row.residence()), cut(row.localHukou()), cut(row.economicStatus()),
                cut(row.livingSituation()), cut(row.deathDate()));
        return new StagedRow(row.rowNumber(), outcome, List.copyOf(problems), cipher, index, masked, cells, person);
    }

    static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
