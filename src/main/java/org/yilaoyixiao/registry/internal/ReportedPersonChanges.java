package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.Division;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.divisions.DivisionLevel;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.PersonRecordChanges;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Changes reported by other authorities through the data-exchange feeds. Each is one guarded statement that changes
 * nothing when the record already says so, and is audited with the feed record that caused it.
 */
@Component
class ReportedPersonChanges implements PersonRecordChanges {

    private final JdbcClient jdbc;
    private final PersonRepository persons;
    private final PersonRegister register;
    private final PersonValidation validation;
    private final RelationsRepository relations;
    private final DivisionDirectory divisions;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final Clock clock;


    ReportedPersonChanges(JdbcClient jdbc, PersonRepository persons, PersonRegister register,
                          PersonValidation validation, RelationsRepository relations, DivisionDirectory divisions,
                          BlindIndex blindIndex, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.register = register;
        this.validation = validation;
        this.relations = relations;
        this.divisions = divisions;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean recordDeath(long personId, LocalDate deathDate, String actor, String reference) {
        PersonRecord person = existing(personId);
        if (deathDate == null || deathDate.isBefore(person.birthDate())
                || deathDate.isAfter(BusinessTime.today(clock))) {
            throw new Refused("person.reported.death-date");
        }
        int changed = jdbc.sql("""
                update registry.person set status = 'DECEASED', death_date = :death, updated_at = :now,
                    updated_by = :actor, version = version + 1
                where id = :id and (status <> 'DECEASED' or death_date is distinct from :death)
                """).param("death", deathDate).param("now", PersonRepository.utc(clock.instant()))
                .param("actor", actor).param("id", personId).update();
        return audited(changed, "PERSON_DECEASED", personId, "deathDate=" + deathDate + " source=" + reference);
    }

    @Override
    public boolean recordMoveOut(long personId, String actor, String reference) {
        existing(personId);
        int changed = jdbc.sql("""
                update registry.person set status = 'MOVED_OUT', updated_at = :now, updated_by = :actor,
                    version = version + 1
                where id = :id and status = 'ACTIVE'
                """).param("now", PersonRepository.utc(clock.instant())).param("actor", actor)
                .param("id", personId).update();
        return audited(changed, "PERSON_MOVED_OUT", personId, "source=" + reference);
    }

    @Override
    public boolean changeResidence(long personId, String divisionCode, String actor, String reference) {
        PersonRecord person = existing(personId);
        if (person.status() == RecordStatus.DECEASED) {
            throw new Refused("person.reported.deceased");
        }
        Division residence = residence(divisionCode);
        String township = residence.level() == DivisionLevel.TOWNSHIP ? residence.code() : residence.parentCode();
        int changed = jdbc.sql("""
                update registry.person set residence_division_code = :residence, township_code = :township,
                    status = 'ACTIVE', updated_at = :now, updated_by = :actor, version = version + 1
                where id = :id and (residence_division_code <> :residence or status <> 'ACTIVE')
                """).param("residence", residence.code()).param("township", township)
                .param("now", PersonRepository.utc(clock.instant())).param("actor", actor).param("id", personId)
                .update();
        return audited(changed, "PERSON_RESIDENCE_CHANGED", personId, "from=" + person.residenceDivisionCode()
                + " to=" + residence.code() + " source=" + reference);
    }

    @Override
    public boolean changeEconomicStatus(long personId, EconomicStatus status, String actor, String reference) {
        PersonRecord person = existing(personId);
        int changed = jdbc.sql("""
                update registry.person set economic_status = :status, updated_at = :now, updated_by = :actor,
                    version = version + 1
                where id = :id and economic_status <> :status
                """).param("status", status.name()).param("now", PersonRepository.utc(clock.instant()))
                .param("actor", actor).param("id", personId).update();
        return audited(changed, "PERSON_ECONOMIC_STATUS_CHANGED", personId, "from=" + person.economicStatus()
                + " to=" + status + " source=" + reference);
    }

    @Override
    public long registerBirth(NewInfant infant, String actor, String reference) {
        PersonValidation.Result result = validation.validate(new PersonCommand(infant.idNumber(), infant.name(), null,
                infant.residenceDivisionCode(), infant.localHukou(), "NONE", List.of(), null, "ACTIVE"));
        if (!result.valid()) {
            throw new Refused(result.problems().get(0).messageKey());
        }
        PersonValidation.ValidPerson person = result.person();
        if (PersonCategory.of(person.idNumber().birthDate(), BusinessTime.today(clock)) != PersonCategory.INFANT) {
            throw new Refused("person.reported.not-an-infant");
        }
        if (infant.guardians() == null || infant.guardians().isEmpty()) {
            throw new Refused("person.reported.guardian-required");
        }
        for (NewGuardian g : infant.guardians()) {
            if (g.name() == null || g.name().isBlank() || g.name().strip().length() > 50
                    || !PersonRelations.GUARDIAN_RELATIONS.contains(g.relation())) {
                throw new Refused("person.reported.guardian-invalid");
            }
        }
        byte[] index = blindIndex.of(person.idNumber().value());
        if (persons.findByIdNumberIndex(index).isPresent()) {
            throw new Refused("person.reported.already-registered");
        }
        long id;
        try {
            id = persons.insert(register.row(person, index), clock.instant(), actor);
        } catch (DuplicateKeyException raced) {
            throw new Refused("person.reported.already-registered");
        }
        for (NewGuardian g : infant.guardians()) {
            Long guardianPerson = guardianRecord(g.idNumber());
            relations.addGuardian(id, guardianPerson, g.name().strip(), g.relation(),
                    g.phone() == null || g.phone().isBlank() ? null : g.phone().strip(),
                    infant.registeredAt() == null ? clock.instant() : infant.registeredAt(), "WRITTEN",
                    clock.instant(), actor);
        }
        audit.record(AuditRecord.success("PERSON_CREATED", "person:" + id, "residence="
                + person.residence().code() + " guardians=" + infant.guardians().size() + " source=" + reference));
        return id;
    }

    private Long guardianRecord(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        try {
            ResidentIdNumber parsed = ResidentIdNumber.parse(idNumber, BusinessTime.today(clock));
            return persons.findByIdNumberIndex(blindIndex.of(parsed.value())).map(PersonRecord::id).orElse(null);
        } catch (ResidentIdNumber.InvalidException e) {
            throw new Refused("person.reported.guardian-invalid");
        }
    }

    private Division residence(String code) {
        Optional<Division> found = code == null || code.isBlank() ? Optional.empty() : divisions.find(code.strip());
        if (found.isEmpty() || found.get().level() == DivisionLevel.COUNTY) {
            throw new Refused("person.residence.unknown");
        }
        return found.get();
    }

    private PersonRecord existing(long personId) {
        return persons.findById(personId).orElseThrow(() -> new Refused("person.not-found"));
    }

    private boolean audited(int changed, String type, long personId, String detail) {
        if (changed > 0) {
            audit.record(AuditRecord.success(type, "person:" + personId, detail));
        }
        return changed > 0;
    }
}
