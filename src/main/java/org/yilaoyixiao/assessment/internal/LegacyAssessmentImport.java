package org.yilaoyixiao.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.PersonDirectory;
import org.yilaoyixiao.registry.PersonSummary;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Imports MZ/T 039-2013 results from an earlier system's spreadsheet as history. All or nothing: every row is checked
 * first and, if any row has a problem, nothing is stored and every problem is reported with its row and column. A
 * result already stored (same person, same date) is skipped, so loading a file twice changes nothing.
 */
@Service
class LegacyAssessmentImport {

    // strict: 2021-02-30 is an error, not 28 February
    private static final List<DateTimeFormatter> DATE_FORMATS = java.util.stream.Stream.of("uuuu-M-d", "uuuu/M/d",
                    "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final LegacyAssessmentRepository repository;
    private final PersonDirectory persons;
    private final DivisionDirectory divisions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LegacyAssessmentImport(LegacyAssessmentRepository repository, PersonDirectory persons,
                           DivisionDirectory divisions, AuditTrail audit, TransactionTemplate transactions,
                           Clock clock) {
        this.repository = repository;
        this.persons = persons;
        this.divisions = divisions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A problem in one cell (column empty for the whole row or file), explained by a message key. */
    record Problem(int row, String column, String messageKey, Object[] args) {
    }

    /** What happened: when {@code problems} is not empty nothing was stored. */
    record Result(String fileName, int rows, int imported, int alreadyPresent, List<Problem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    Result run(String fileName, byte[] content, CurrentUser actor) {
        String source = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (source.length() > 200) {
            source = source.substring(source.length() - 200);
        }
        List<LegacySheet.RawRow> raw;
        try {
            raw = LegacySheet.read(source, content);
        } catch (LegacySheet.Unreadable e) {
            return new Result(source, 0, 0, 0, List.of(new Problem(0, "", e.messageKey(), e.args())));
        }
        List<Problem> problems = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate today = BusinessTime.today(clock);
        for (LegacySheet.RawRow row : raw) {
            validate(row, today, actor, problems).ifPresent(v -> {
                if (!seen.add(v.row().idNumber() + "|" + v.row().assessedOn())) {
                    problems.add(new Problem(row.number(), LegacySheet.ASSESSED_ON,
                            "assessment.legacy.duplicate-in-file", new Object[0]));
                } else {
                    valid.add(v);
                }
            });
        }
        if (!problems.isEmpty()) {
            audit.record(AuditRecord.of("LEGACY_ASSESSMENTS_IMPORTED", "file:" + source,
                    AuditOutcome.FAILURE, "rows=" + raw.size() + " problems=" + problems.size()));
            return new Result(source, raw.size(), 0, 0, List.copyOf(problems));
        }
        String file = source;
        UUID importId = UUID.randomUUID();
        int imported = transactions.execute(status -> {
            int stored = 0;
            for (Valid v : valid) {
                if (repository.insertIfAbsent(v.row(), v.person().id(), v.person().residenceDivisionCode(), file,
                        importId, actor.username())) {
                    stored++;
                }
            }
            audit.record(AuditRecord.success("LEGACY_ASSESSMENTS_IMPORTED", "import:" + importId,
                    "scheme=" + LegacyLevel.SCHEME + " file=" + file + " rows=" + valid.size() + " stored=" + stored));
            return stored;
        });
        return new Result(source, raw.size(), imported, valid.size() - imported, List.of());
    }

    private record Valid(LegacyRow row, PersonSummary person) {
    }

    private Optional<Valid> validate(LegacySheet.RawRow row, LocalDate today, CurrentUser actor,
                                     List<Problem> problems) {
        int before = problems.size();
        int n = row.number();
        ResidentIdNumber idNumber = null;
        try {
            idNumber = ResidentIdNumber.parse(row.get(LegacySheet.ID_NUMBER), today);
        } catch (ResidentIdNumber.InvalidException e) {
            problems.add(new Problem(n, LegacySheet.ID_NUMBER, e.problem().messageKey(), new Object[0]));
        }
        PersonSummary person = null;
        if (idNumber != null) {
            // a person outside the importer's scope is reported exactly like an unknown one: the file must not
            // reveal who is registered elsewhere
            person = persons.findByIdNumber(idNumber.value())
                    .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode())).orElse(null);
            if (person == null) {
                problems.add(new Problem(n, LegacySheet.ID_NUMBER, "assessment.legacy.person-unknown", new Object[0]));
            } else if (!person.name().equals(row.get(LegacySheet.NAME))) {
                problems.add(new Problem(n, LegacySheet.NAME, "assessment.legacy.name-mismatch", new Object[0]));
            }
        }
        LocalDate assessedOn = date(row.get(LegacySheet.ASSESSED_ON));
        if (assessedOn == null) {
            problems.add(new Problem(n, LegacySheet.ASSESSED_ON, "assessment.legacy.date-invalid",
                    new Object[] {row.get(LegacySheet.ASSESSED_ON)}));
        } else if (assessedOn.isAfter(today)) {
            problems.add(new Problem(n, LegacySheet.ASSESSED_ON, "assessment.legacy.date-future", new Object[0]));
        } else if (person != null && assessedOn.isBefore(person.birthDate())) {
            problems.add(new Problem(n, LegacySheet.ASSESSED_ON, "assessment.legacy.date-before-birth",
                    new Object[0]));
        }
        Optional<LegacyLevel> level = LegacyLevel.parse(row.get(LegacySheet.LEVEL));
        if (level.isEmpty()) {
            problems.add(new Problem(n, LegacySheet.LEVEL, "assessment.legacy.level-invalid",
                    new Object[] {row.get(LegacySheet.LEVEL)}));
        }
        Integer adl = number(row, LegacySheet.ADL_SCORE, 100, problems);
        if (adl != null && adl % 5 != 0) {
            problems.add(new Problem(n, LegacySheet.ADL_SCORE, "assessment.legacy.adl-step", new Object[] {adl}));
        }
        Integer mental = number(row, LegacySheet.MENTAL_LEVEL, 3, problems);
        Integer perception = number(row, LegacySheet.PERCEPTION_LEVEL, 3, problems);
        Integer social = number(row, LegacySheet.SOCIAL_LEVEL, 3, problems);
        String assessedBy = text(row, LegacySheet.ASSESSED_BY, 200, problems);
        String note = text(row, LegacySheet.NOTE, 500, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Valid(new LegacyRow(n, idNumber.value(), person.name(), assessedOn, level.get(), adl,
                mental, perception, social, assessedBy, note), person));
    }

    private static Integer number(LegacySheet.RawRow row, String column, int max, List<Problem> problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > max) {
            problems.add(new Problem(row.number(), column, "assessment.legacy.number-range",
                    new Object[] {value, max}));
            return null;
        }
        return Integer.valueOf(value);
    }

    private static String text(LegacySheet.RawRow row, String column, int max, List<Problem> problems) {
        String value = row.get(column);
        if (value.length() > max) {
            problems.add(new Problem(row.number(), column, "assessment.legacy.too-long", new Object[] {max}));
        }
        return value;
    }

    private static LocalDate date(String value) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }
}
