package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 养老服务补贴 for a month in one statement over the registry: ages and the capability level as of the month's last day
 * (the latest GB/T 42195-2022 result on or before it), people in the register at some time in the month (alive on
 * its first day). Same conditions as {@link ElderlyServiceSubsidyRule}.
 */
@Component
class ElderlyServiceRun implements RunDefinition {

    /** The facts of a stored explanation, in their positions. */
    private static final List<String> POSITIONS = List.of("basis", "birthDate", "localHukou", "economicStatus",
            "capabilityLevel", "assessedOn");

    private final ObjectMapper json;

    ElderlyServiceRun(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Programme programme() {
        return Programme.ELDERLY_SERVICE_SUBSIDY;
    }

    @Override
    public Bound bind(LocalDate monthStart, PolicyParameters parameters) {
        List<ParameterValue> used = new ArrayList<>();
        Map<String, Object> rates = new LinkedHashMap<>();
        for (int level = 0; level <= 4; level++) {
            ParameterValue v = parameters.valueAsOf("elderly-service-subsidy.level" + level, monthStart);
            used.add(v);
            rates.put(String.valueOf(level), RunDefinition.rateJson(v));
        }
        ParameterValue threshold = parameters.valueAsOf("elderly-service-subsidy.disability-threshold-level", monthStart);
        used.add(threshold);
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        return Bound.of(monthStart, used)
                .with("rates", json.writeValueAsString(rates))
                .with("threshold", threshold.value().intValue())
                .with("born_by_60", monthEnd.minusYears(60))
                .with("born_by_80", monthEnd.minusYears(80))
                .with("born_by_90", monthEnd.minusYears(90));
    }

    @Override
    public String selectLines() {
        return """
                with lv as (
                    select distinct on (a.person_id) a.person_id, a.level, a.assessed_on
                    from assessment.published_assessment a
                    where a.assessed_on <= :month_end
                    order by a.person_id, a.assessed_on desc, a.id desc),
                -- two disjoint branches, each an index-only scan of a registry index (V6_5), instead of one
                -- filter over the whole register: the aged 90 and over, and low-income local residents aged 60-89
                cand as (
                    select p.id, p.name, p.id_number_masked, p.birth_date, p.residence_division_code, p.township_code,
                           p.local_hukou, p.economic_status
                    from registry.published_person p
                    where p.birth_date <= :born_by_90
                      and (p.status = 'ACTIVE' or (p.status = 'DECEASED' and p.death_date >= :month_start))
                    union all
                    select p.id, p.name, p.id_number_masked, p.birth_date, p.residence_division_code, p.township_code,
                           p.local_hukou, p.economic_status
                    from registry.published_person p
                    where p.birth_date > :born_by_90 and p.birth_date <= :born_by_60
                      and (p.status = 'ACTIVE' or (p.status = 'DECEASED' and p.death_date >= :month_start))
                      and p.local_hukou
                      and p.economic_status in ('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY'))
                select 'PERSON' as subject_type, c.id as subject_id, c.residence_division_code as division_code,
                       c.township_code, c.name, c.id_number_masked,
                       (cast(:rates as jsonb) -> coalesce(lv.level, 0)::text ->> 'rate')::numeric as amount,
                       -- positional [basis, birthDate, localHukou, economicStatus, capabilityLevel, assessedOn],
                       -- without the age and the parameter keys, which expand() derives on reading: cheaper to build
                       -- than an object (~495 against ~570 ms for 46,000 lines, decision 0036)
                       jsonb_build_array(
                           case when c.birth_date <= :born_by_90 then 'AGE_90'
                                when lv.level >= :threshold then 'LOW_INCOME_DISABLED'
                                else 'LOW_INCOME_AGE_80' end,
                           c.birth_date, c.local_hukou, c.economic_status, lv.level, lv.assessed_on) as explanation
                from cand c left join lv on lv.person_id = c.id
                where c.birth_date <= :born_by_80 or lv.level >= :threshold
                """;
    }

    /**
     * {@code {basis, facts: {birthDate, age, localHukou, economicStatus, capabilityLevel, assessedOn}, parameters}}
     * from the positional form a run stores: the age at the month's end, and the keys of the rate for the level and of
     * the disability threshold (their values and references are kept on the run). Lines stored as objects by earlier
     * versions are returned as they are.
     */
    @Override
    public JsonNode expand(JsonNode stored, LocalDate forMonth) {
        if (!stored.isArray() || stored.size() != POSITIONS.size()) {
            return stored;
        }
        ObjectNode expanded = json.createObjectNode();
        expanded.set("basis", stored.get(0));
        ObjectNode facts = expanded.putObject("facts");
        LocalDate birthDate = LocalDate.parse(stored.get(1).asString());
        facts.put("birthDate", birthDate.toString());
        facts.put("age", Period.between(birthDate, forMonth.plusMonths(1).minusDays(1)).getYears());
        for (int i = 2; i < POSITIONS.size(); i++) {
            facts.set(POSITIONS.get(i), stored.get(i));
        }
        JsonNode level = stored.get(4);
        expanded.putArray("parameters")
                .add("elderly-service-subsidy.level" + (level.isNumber() ? level.asInt() : 0))
                .add("elderly-service-subsidy.disability-threshold-level");
        return expanded;
    }

    @Override
    public String removedJoin() {
        return "left join registry.published_person p on p.id = c.subject_id";
    }

    @Override
    public String removedReason() {
        return """
                case when p.id is null then 'NOT_IN_REGISTER'
                     when p.status = 'DECEASED' then 'DECEASED'
                     when p.status <> 'ACTIVE' then 'RECORD_' || p.status
                     when not p.local_hukou then 'NOT_LOCAL_HUKOU'
                     when p.economic_status not in ('LOW_INCOME_MARGINAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY')
                          then 'NOT_LOW_INCOME'
                     else 'BELOW_DISABILITY_THRESHOLD' end""";
    }
}
