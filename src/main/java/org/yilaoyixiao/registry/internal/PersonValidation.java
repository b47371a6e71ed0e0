package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.api.ApiException.FieldProblem;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.ResidentIdNumber;

/** Checks a {@link PersonCommand} field by field; the same rules for the form, the API and the spreadsheet. */
@Component
class PersonValidation {

    private final DivisionDirectory divisions;
    private final Clock clock;

    PersonValidation(DivisionDirectory divisions, Clock clock) {
        this.divisions = divisions;
        this.clock = clock;
    }

    /** A command that passed every check, in typed form. */
    record ValidPerson(ResidentIdNumber idNumber, String name, String phone, Division residence, String townshipCode,
                       boolean localHukou, EconomicStatus economicStatus, Set<LivingSituation> livingSituation,
                       LocalDate deathDate, RecordStatus status) {
    }

    record Result(ValidPerson person, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Result validate(PersonCommand command) {
        LocalDate today = BusinessTime.today(clock);
        List<FieldProblem> problems = new ArrayList<>();
        ResidentIdNumber id = null;
        try {
            id = ResidentIdNumber.parse(command.idNumber(), today);
        } catch (ResidentIdNumber.InvalidException e) {
            problems.add(problem("idNumber", e.problem().name(), e.problem().messageKey()));
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            problems.add(problem("name", "REQUIRED", "person.name.required"));
        }
        String phone = command.phone() == null || command.phone().isBlank() ? null : command.phone().strip();
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            problems.add(problem("phone", "PATTERN", "person.phone.pattern"));
        }
        Division residence = null;
        String townshipCode = null;
        Optional<Division> found = command.residenceDivisionCode() == null || command.residenceDivisionCode().isBlank()
                ? Optional.empty() : divisions.find(command.residenceDivisionCode().strip());
        if (found.isEmpty() || found.get().level() == DivisionLevel.COUNTY) {
            problems.add(problem("residenceDivisionCode", "UNKNOWN", "person.residence.unknown"));
        } else {
            residence = found.get();
            townshipCode = residence.level() == DivisionLevel.TOWNSHIP ? residence.code() : residence.parentCode();
        }
        if (command.localHukou() == null) {
            problems.add(problem("localHukou", "REQUIRED", "person.local-hukou.required"));
        }
        EconomicStatus economic = EconomicStatus.NONE;
        if (command.economicStatus() != null && !command.economicStatus().isBlank()) {
            try {
                economic = EconomicStatus.valueOf(command.economicStatus().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem("economicStatus", "UNKNOWN", "person.economic-status.unknown"));
            }
        }
        Set<LivingSituation> flags = EnumSet.noneOf(LivingSituation.class);
        if (command.livingSituation() != null) {
            for (String flag : command.livingSituation()) {
                if (flag == null || flag.isBlank()) {
                    continue;
                }
                try {
                    flags.add(LivingSituation.valueOf(flag.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(problem("livingSituation", "UNKNOWN", "person.living-situation.unknown"));
                }
            }
        }
        LocalDate death = command.deathDate();
        if (death != null && (death.isAfter(today) || (id != null && death.isBefore(id.birthDate())))) {
            problems.add(problem("deathDate", "RANGE", "person.death-date.range"));
        }
        RecordStatus status = death != null ? RecordStatus.DECEASED : RecordStatus.ACTIVE;
        if (command.status() != null && !command.status().isBlank()) {
            try {
                status = RecordStatus.valueOf(command.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem("status", "UNKNOWN", "person.status.unknown"));
            }
        }
        if (status == RecordStatus.DECEASED && death == null) {
            problems.add(problem("deathDate", "REQUIRED", "person.death-date.required"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new ValidPerson(id, name, phone, residence, townshipCode, command.localHukou(), economic,
                flags, death, status), List.of());
    }

    private static FieldProblem problem(String field, String code, String key) {
        return new FieldProblem(field, code, key, null);
    }
}
