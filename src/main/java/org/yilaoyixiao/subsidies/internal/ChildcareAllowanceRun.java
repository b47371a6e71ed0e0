package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 育儿补贴 for a month: every child born on or before the month's first day and under the age limit on it, in the
 * register on that day. Same conditions as {@link ChildcareAllowanceRule}.
 */
@Component
class ChildcareAllowanceRun implements RunDefinition {

    private final ObjectMapper json;

    ChildcareAllowanceRun(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Programme programme() {
        return Programme.CHILDCARE_ALLOWANCE;
    }

    @Override
    public Bound bind(LocalDate monthStart, PolicyParameters parameters) {
        ParameterValue rate = parameters.valueAsOf("childcare-allowance.per-month", monthStart);
        ParameterValue limit = parameters.valueAsOf("childcare-allowance.age-limit-months", monthStart);
        return Bound.of(monthStart, List.of(rate, limit))
                .with("rate", rate.value())
                .with("rate_json", json.writeValueAsString(RunDefinition.rateJson(rate)))
                .with("limit_months", limit.value().intValue())
                .with("born_after", monthStart.minusMonths(limit.value().intValue()));
    }

    @Override
    public String selectLines() {
        return """
                select 'PERSON' as subject_type, p.id as subject_id, p.residence_division_code as division_code,
                       p.township_code, p.name, p.id_number_masked, cast(:rate as numeric) as amount,
                       jsonb_build_object(
                           'basis', 'UNDER_3',
                           'facts', jsonb_build_object(
                               'birthDate', p.birth_date,
                               'limitReachedOn', (p.birth_date + make_interval(months => :limit_months))::date),
                           'rate', cast(:rate_json as jsonb)) as explanation
                from registry.published_person p
                where p.birth_date <= :month_start and p.birth_date > :born_after
                  and (p.status = 'ACTIVE' or (p.status = 'DECEASED' and p.death_date >= :month_start))
                """;
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
                     else 'TURNED_THREE' end""";
    }
}
