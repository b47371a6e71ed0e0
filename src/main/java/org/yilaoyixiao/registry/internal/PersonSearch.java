package org.yilaoyixiao.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yilaoyixiao.audit.AuditRecord;
import org.yilaoyixiao.audit.AuditTrail;
import org.yilaoyixiao.divisions.DivisionDirectory;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.crypto.BlindIndex;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.time.BusinessTime;
import org.yilaoyixiao.registry.EconomicStatus;
import org.yilaoyixiao.registry.LivingSituation;
import org.yilaoyixiao.registry.PersonCategory;
import org.yilaoyixiao.registry.RecordStatus;
import org.yilaoyixiao.registry.ResidentIdNumber;

/**
 * Finds people within the user's scope. A full ID number is matched exactly through the blind index, a telephone
 * number exactly; names match from their start (a surname, or a whole name). Each search is audited, since result lists show personal data.
 */
@Component
class PersonSearch {

    /** A telephone number as people type it: digits, perhaps a leading +, spaces or hyphens between groups. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");

    private final JdbcClient jdbc;
    private final DivisionDirectory divisions;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final Clock clock;
    private final PersonTally tally;
    private final ChildrenVisibility childrenVisibility;

    PersonSearch(JdbcClient jdbc, DivisionDirectory divisions, BlindIndex blindIndex, AuditTrail audit, Clock clock,
                 PersonTally tally, ChildrenVisibility childrenVisibility) {
        this.childrenVisibility = childrenVisibility;
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.clock = clock;
        this.tally = tally;
    }

    /**
     * Any criterion may be null; {@code status} null means active records only; {@code categoryOn} is the date the
     * category is judged on (null: today).
     */
    record Criteria(String idNumber, String division, PersonCategory category, String q,
                    Set<LivingSituation> livingSituation, EconomicStatus economicStatus, RecordStatus status,
                    LocalDate categoryOn) {

        Criteria(String idNumber, String division, PersonCategory category, String q,
                 Set<LivingSituation> livingSituation, EconomicStatus economicStatus, RecordStatus status) {
            this(idNumber, division, category, q, livingSituation, economicStatus, status, null);
        }
    }

    PageResponse<PersonRecord> search(Criteria criteria, PageRequest page, CurrentUser actor) {
        Query query = query(criteria, actor);
        if (query == null) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        long total = query.tally() == null ? count(query.where(), query.params())
                : tally.count(query.tally(), (condition, extra) -> {
                    Map<String, Object> params = new HashMap<>(query.params());
                    params.putAll(extra);
                    return count(query.where() + condition, params);
                });
        List<PersonRecord> items = total == 0 ? List.of() : jdbc.sql("select " + PersonRepository.COLUMNS
                        + " from registry.person" + query.where() + " order by name, id limit :limit offset :offset")
                .params(query.params()).param("limit", page.size()).param("offset", page.offset())
                .query(PersonRepository::map).list();
        audit.record(AuditRecord.success("PERSON_SEARCH", "persons", describe(criteria) + " results=" + total));
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from registry.person" + where).params(params).query(Long.class).single();
    }

    /** The same filter without paging, streamed to a consumer (for exports). Null when nothing can match. */
    Query query(Criteria criteria, CurrentUser actor) {
        String root = actor.divisionCode();
        if (criteria.division() != null && !criteria.division().isBlank()) {
            if (!divisions.isWithin(actor.divisionCode(), criteria.division().strip())) {
                return null;
            }
            root = criteria.division().strip();
        }
        Set<String> codes = divisions.subtreeCodes(root);
        if (codes.isEmpty()) {
            return null;
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("residence_division_code = any(:codes)");
        params.put("codes", codes.toArray(String[]::new));
        String q = criteria.q() == null ? "" : criteria.q().strip();
        String idNumber = criteria.idNumber() == null ? "" : criteria.idNumber().strip();
        if (idNumber.isEmpty() && q.length() == 18 && q.matches("[0-9]{17}[0-9Xx]")) {
            idNumber = q;
            q = "";
        }
        if (idNumber.isEmpty() && PHONE.matcher(q).matches()) {
            // a telephone number: how a call-centre clerk finds the elder who is calling
            conditions.add("phone = :phone");
            params.put("phone", q.replaceAll("[ -]", ""));
            q = "";
        }
        if (!idNumber.isEmpty()) {
            conditions.add("id_number_index = :index");
            params.put("index", blindIndex.of(idNumber.toUpperCase()));
        }
        if (!q.isEmpty()) {
            conditions.add("name like :name");
            params.put("name", org.yilaoyixiao.platform.persistence.LikePattern.literal(q) + "%");
        }
        LocalDate today = criteria.categoryOn() != null ? criteria.categoryOn() : BusinessTime.today(clock);
        if (criteria.category() != null) {
            switch (criteria.category()) {
                case ELDER -> conditions.add("birth_date <= :elderCut");
                case INFANT -> conditions.add("birth_date > :infantCut");
                case OTHER -> conditions.add("birth_date > :elderCut and birth_date <= :infantCut");
            }
            params.put("elderCut", PersonCategory.elderBornOnOrBefore(today));
            params.put("infantCut", PersonCategory.infantBornAfter(today));
        }
        // Flags and economic status are written into the statement (enum names only, never user text), so that
        // PostgreSQL plans with their real frequencies: EMPTY_NEST is two in three elders, FAMILY_PLANNING_SPECIAL
        // one in a hundred and fifty. As parameters, a cached generic plan treated them all alike.
        Set<LivingSituation> flags = criteria.livingSituation() == null ? Set.of() : criteria.livingSituation();
        if (!flags.isEmpty()) {
            conditions.add("living_situation @> cast('" + PersonRepository.arrayLiteral(flags) + "' as varchar[])");
        }
        if (criteria.economicStatus() != null) {
            conditions.add("economic_status = '" + criteria.economicStatus().name() + "'");
        }
        // without the right to see children, nobody under 14 is listed; the tally, which counts by birth year,
        // then only serves searches for elders
        java.util.Optional<LocalDate> adultCut = childrenVisibility.bornOnOrBefore();
        adultCut.ifPresent(cut -> {
            conditions.add("birth_date <= :adultCut");
            params.put("adultCut", cut);
        });
        String status = (criteria.status() == null ? RecordStatus.ACTIVE : criteria.status()).name();
        conditions.add("status = :status");
        params.put("status", status);
        boolean tallyCounts = idNumber.isEmpty() && q.isEmpty()
                && (adultCut.isEmpty() || criteria.category() == PersonCategory.ELDER);
        PersonTally.Request tally = tallyCounts
                ? tallyRequest(criteria, flags, (String[]) params.get("codes"), status, today) : null;
        return new Query(" where " + String.join(" and ", conditions), params, tally);
    }

    /** A search without ID number or name that the tally can count, else null. */
    private static PersonTally.Request tallyRequest(Criteria criteria, Set<LivingSituation> flags, String[] codes,
                                                    String status, LocalDate today) {
        EconomicStatus economic = criteria.economicStatus();
        if (criteria.category() == PersonCategory.OTHER || economic == EconomicStatus.NONE
                || flags.size() + (economic == null ? 0 : 1) > 1) {
            return null;
        }
        String dimension = !flags.isEmpty() ? PersonTally.Request.flag(flags.iterator().next().name())
                : economic != null ? PersonTally.Request.economic(economic.name()) : PersonTally.Request.ALL;
        return new PersonTally.Request(codes, status, dimension, criteria.category(),
                PersonCategory.elderBornOnOrBefore(today), PersonCategory.infantBornAfter(today));
    }

    /**
     * The filter as SQL; {@code tally} is set when the total can come from {@link PersonTally} (null when the search
     * has an ID number, a name, the category OTHER, economic status NONE, or more than one flag or economic status).
     */
    record Query(String where, Map<String, Object> params, PersonTally.Request tally) {
    }

    /** The criteria for the audit trail, with any ID number masked. */
    static String describe(Criteria c) {
        return "division=" + c.division() + " category=" + c.category() + " q=" + maskIfIdNumber(c.q())
                + " idNumber=" + maskIfIdNumber(c.idNumber()) + " flags=" + c.livingSituation()
                + " economic=" + c.economicStatus() + " status=" + c.status();
    }

    private static String maskIfIdNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().matches("[0-9]{6,}[0-9Xx]*") ? ResidentIdNumber.mask(text.strip()) : text.strip();
    }
}
