package org.yilaoyixiao.registry.internal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.crypto.FieldCipher;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Writes generated households into the registry's tables with COPY, a chunk of a few thousand people at a time, on
 * the caller's connection (and so in its transaction). ID numbers are encrypted and indexed exactly as for real
 * people, one by one as they stream past; nothing but the current chunk is held in memory.
 */
final class PopulationCopy {

    static final String ACTOR = "system:demo-population";
    private static final int CHUNK_PEOPLE = 5_000;

    private final CopyManager copyManager;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final String now;
    private final BooleanSupplier cancelled;
    private final LongConsumer progress;
    private final ReservedIds personIds;
    private final ReservedIds householdIds;

    private final CopyBuffer persons = new CopyBuffer("registry.person (id, id_number_cipher, id_number_index, "
            + "id_number_masked, name, sex, birth_date, phone, residence_division_code, township_code, local_hukou, "
            + "economic_status, living_situation, status, synthetic, created_at, created_by, updated_at, updated_by)");
    private final CopyBuffer households = new CopyBuffer(
            "registry.household (id, division_code, address, created_at, created_by)");
    private final CopyBuffer members = new CopyBuffer("registry.household_member (household_id, person_id, relation)");
    private final CopyBuffer guardians = new CopyBuffer("registry.guardian (infant_id, guardian_person_id, name, "
            + "relation, phone, consent_given_at, consent_method, created_at, created_by)");
    private final CopyBuffer contacts = new CopyBuffer("registry.family_contact (person_id, name, relation, phone, "
            + "email, country_code, time_zone, emergency, created_at, created_by)");

    private final DemoPopulationTotals.Counter totals = new DemoPopulationTotals.Counter();

    PopulationCopy(Connection connection, FieldCipher cipher, BlindIndex blindIndex, Instant now,
                   BooleanSupplier cancelled, LongConsumer progress) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.now = now.toString();
        this.cancelled = cancelled;
        this.progress = progress;
        this.personIds = new ReservedIds(connection, "registry.person", CHUNK_PEOPLE);
        this.householdIds = new ReservedIds(connection, "registry.household", CHUNK_PEOPLE);
    }

    void add(DemoHousehold household) {
        try {
            long householdId = householdIds.next();
            households.number(householdId).text(household.residence().divisionCode()).text(household.address())
                    .text(now).text(ACTOR).endRow();
            long[] ids = new long[household.members().size()];
            for (int i = 0; i < ids.length; i++) {
                DemoHousehold.Member member = household.members().get(i);
                ids[i] = personIds.next();
                person(ids[i], member.person());
                members.number(householdId).number(ids[i]).text(member.relation()).endRow();
                totals.person(member);
            }
            for (DemoHousehold.Guardian g : household.guardians()) {
                guardians.number(ids[g.infantMember()])
                        .numberOrNull(g.guardianMember() < 0 ? 0 : ids[g.guardianMember()], g.guardianMember() >= 0)
                        .text(g.name()).text(g.relation()).text(g.phone()).text(g.consentGivenAt().toString())
                        .text(g.consentMethod()).text(now).text(ACTOR).endRow();
            }
            for (DemoHousehold.Contact c : household.contacts()) {
                contacts.number(ids[c.member()]).text(c.name()).text(c.relation()).text(c.phone()).text(c.email())
                        .text(c.countryCode()).text(c.timeZone()).bool(c.emergency()).text(now).text(ACTOR).endRow();
            }
            totals.household(household.guardians().size(), household.contacts().size());
            if (persons.rows() >= CHUNK_PEOPLE) {
                flush();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Copying the demo population failed", e);
        }
    }

    /** Copies what is left; call once after the last household. */
    DemoPopulationTotals finish() {
        try {
            flush();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Copying the demo population failed", e);
        }
        return totals.totals();
    }

    private void person(long id, DemoPerson p) {
        persons.number(id).bytea(cipher.encrypt(p.idNumber())).bytea(blindIndex.of(p.idNumber()))
                .text(ResidentIdNumber.mask(p.idNumber())).text(p.name()).text(p.sex().name())
                .text(p.birthDate().toString()).text(p.phone()).text(p.residence().divisionCode())
                .text(p.residence().townshipCode()).bool(p.localHukou()).text(p.economicStatus().name())
                .text(arrayLiteral(p)).text("ACTIVE").bool(true).text(now).text(ACTOR).text(now).text(ACTOR)
                .endRow();
    }

    private static String arrayLiteral(DemoPerson p) {
        if (p.livingSituation().isEmpty()) {
            return "{}";
        }
        return "{" + String.join(",", p.livingSituation().stream().map(LivingSituation::name).sorted().toList())
                + "}";
    }

    private void flush() throws SQLException {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Demo population load cancelled (the application is stopping)");
        }
        try {
            persons.copyTo(copyManager);
            households.copyTo(copyManager);
            members.copyTo(copyManager);
            guardians.copyTo(copyManager);
            contacts.copyTo(copyManager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(totals.people());
    }
}
