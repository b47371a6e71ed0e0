package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yilaoyixiao.audit.AuditOutcome;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.ApiException;
import org.yilaoyixiao.platform.api.ProblemCode;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.platform.security.CurrentUser;

/**
 * Creates, changes, reads and reveals people's records, always within the acting user's data scope. A record outside
 * the scope does not exist as far as the user can tell (404); every read of a record's detail, and every reveal of an
 * ID number, is audited.
 */
@Service
class PersonRegister {

    private final PersonRepository persons;
    private final PersonValidation validation;
    private final DivisionDirectory divisions;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ChildrenVisibility childrenVisibility;

    PersonRegister(PersonRepository persons, PersonValidation validation, DivisionDirectory divisions,
                   FieldCipher cipher, BlindIndex blindIndex, AuditTrail audit, Clock clock,
                   TransactionTemplate transactions, ChildrenVisibility childrenVisibility) {
        this.childrenVisibility = childrenVisibility;
        this.persons = persons;
        this.validation = validation;
        this.divisions = divisions;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    PersonRecord create(PersonCommand command, CurrentUser actor) {
        PersonValidation.ValidPerson person = valid(command);
        requireInScope(actor, person);
        byte[] index = blindIndex.of(person.idNumber().value());
        persons.findByIdNumberIndex(index).ifPresent(existing -> {
            throw duplicate(existing.id());
        });
        try {
            return transactions.execute(status -> {
                long id = persons.insert(row(person, index), clock.instant(), actor.username());
                audit.record(AuditRecord.success("PERSON_CREATED", "person:" + id,
                        "residence=" + person.residence().code()));
                return persons.findById(id).orElseThrow();
            });
        } catch (DuplicateKeyException raced) {
            throw duplicate(persons.findByIdNumberIndex(index).map(PersonRecord::id).orElse(0L));
        }
    }

    /** Changes a record; a blank ID number in the command keeps the stored one, so forms need not reveal it. */
    PersonRecord update(long id, int version, PersonCommand command, CurrentUser actor) {
        PersonRecord current = readable(id, actor);
        if (command.idNumber() == null || command.idNumber().isBlank()) {
            command = new PersonCommand(cipher.decrypt(persons.idNumberCipher(id).orElseThrow()), command.name(),
                    command.phone(), command.residenceDivisionCode(), command.localHukou(), command.economicStatus(),
                    command.livingSituation(), command.deathDate(), command.status());
        }
        PersonValidation.ValidPerson person = valid(command);
        requireInScope(actor, person);
        byte[] index = blindIndex.of(person.idNumber().value());
        persons.findByIdNumberIndex(index).filter(other -> other.id() != id).ifPresent(other -> {
            throw duplicate(other.id());
        });
        return transactions.execute(status -> {
            if (!persons.update(id, version, row(person, index), clock.instant(), actor.username())) {
                throw ApiException.conflict("person.stale", current.version());
            }
            audit.record(AuditRecord.success("PERSON_UPDATED", "person:" + id, "version=" + (version + 1)));
            return persons.findById(id).orElseThrow();
        });
    }

    /** The record's detail; audited as a read of personal data. */
    PersonRecord read(long id, CurrentUser actor) {
        PersonRecord person = readable(id, actor);
        audit.record(AuditRecord.success("PERSON_DETAIL_READ", "person:" + id,
                person.categoryOn(org.yilaoyixiao.platform.time.BusinessTime.today(clock)).name()));
        return person;
    }

    /** The full ID number; the caller's permission is checked by the controller, the scope here. */
    String revealIdNumber(long id, CurrentUser actor) {
        readable(id, actor);
        String idNumber = cipher.decrypt(persons.idNumberCipher(id).orElseThrow());
        audit.record(AuditRecord.success("PERSON_ID_REVEALED", "person:" + id, null));
        return idNumber;
    }

    /** A record the actor may see, or 404 whether it does not exist or lies outside their scope. */
    PersonRecord readable(long id, CurrentUser actor) {
        return persons.findById(id)
                .filter(p -> divisions.isWithin(actor.divisionCode(), p.residenceDivisionCode()))
                .filter(p -> childrenVisibility.mayRead(p.birthDate()))
                .orElseThrow(() -> ApiException.notFound("person.not-found", Long.toString(id)));
    }

    private PersonValidation.ValidPerson valid(PersonCommand command) {
        PersonValidation.Result result = validation.validate(command);
        if (!result.valid()) {
            throw ApiException.validation(result.problems());
        }
        return result.person();
    }

    private void requireInScope(CurrentUser actor, PersonValidation.ValidPerson person) {
        if (!divisions.isWithin(actor.divisionCode(), person.residence().code())) {
            audit.record(AuditRecord.of("PERSON_CREATED", "division:" + person.residence().code(),
                    AuditOutcome.DENIED, "residence outside scope " + actor.divisionCode()));
            throw ApiException.forbidden("person.residence.out-of-scope", person.residence().code());
        }
    }

    /** Record numbers go into messages as text: a number argument would be shown grouped ("5,003"). */
    private ApiException duplicate(long existingId) {
        String record = Long.toString(existingId);
        return new ApiException(ProblemCode.CONFLICT, "person.duplicate", new Object[]{record},
                List.of(new ApiException.FieldProblem("idNumber", "DUPLICATE", "person.duplicate",
                        new Object[]{record})));
    }

    PersonRepository.PersonRow row(PersonValidation.ValidPerson person, byte[] index) {
        return new PersonRepository.PersonRow(cipher.encrypt(person.idNumber().value()), index,
                person.idNumber().masked(), person.name(), person.idNumber().sex(), person.idNumber().birthDate(),
                person.phone(), person.residence().code(), person.townshipCode(), person.localHukou(),
                person.economicStatus(), person.livingSituation(), person.deathDate(), person.status());
    }
}
