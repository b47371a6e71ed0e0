package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 运营补助 for a month: each private or 公建民营 institution that is not a senior apartment and was star-rated by the
 * month's end, for its residents with local household registration placed in it at any time in the month. Same
 * conditions as {@link InstitutionOperatingRule}.
 */
@Component
class InstitutionOperatingRun implements RunDefinition {

    private final ObjectMapper json;

    InstitutionOperatingRun(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Programme programme() {
        return Programme.INSTITUTION_OPERATING;
    }

    @Override
    public Bound bind(LocalDate monthStart, PolicyParameters parameters) {
        List<ParameterValue> used = new ArrayList<>();
        Map<String, Object> rates = new LinkedHashMap<>();
        for (int star = 1; star <= 5; star++) {
            ParameterValue v = parameters.valueAsOf("institution-operating.star" + star, monthStart);
            used.add(v);
            rates.put(String.valueOf(star), RunDefinition.rateJson(v));
        }
        ParameterValue share = parameters.valueAsOf("institution-operating.public-built-private-run-share", monthStart);
        used.add(share);
        return Bound.of(monthStart, used)
                .with("rates", json.writeValueAsString(rates))
                .with("share", share.value())
                .with("share_json", json.writeValueAsString(RunDefinition.rateJson(share)));
    }

    @Override
    public String selectLines() {
        return """
                with residents as (
                    select pl.institution_id, count(distinct pl.person_id) as n
                    from placement.published_placement pl
                    join registry.published_person p on p.id = pl.person_id and p.local_hukou
                    where pl.kind = 'INSTITUTION' and pl.from_date <= :month_end
                      and (pl.to_date is null or pl.to_date >= :month_start)
                    group by pl.institution_id)
                select 'INSTITUTION' as subject_type, i.id as subject_id, i.division_code,
                       left(i.division_code, 9) as township_code, i.name, null as id_number_masked,
                       r.n * (cast(:rates as jsonb) -> i.star_rating::text ->> 'rate')::numeric
                           * case when i.operation_model = 'PUBLIC_BUILT_PRIVATE_RUN' then cast(:share as numeric)
                                  else 1 end as amount,
                       jsonb_build_object(
                           'basis', i.operation_model,
                           'facts', jsonb_build_object('operationModel', i.operation_model, 'kind', i.kind,
                                                       'starRating', i.star_rating, 'localResidents', r.n),
                           'rate', cast(:rates as jsonb) -> i.star_rating::text,
                           'share', case when i.operation_model = 'PUBLIC_BUILT_PRIVATE_RUN'
                                         then cast(:share_json as jsonb) end) as explanation
                from facilities.published_institution i join residents r on r.institution_id = i.id
                where i.operation_model in ('PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN') and i.kind <> 'SENIOR_APARTMENT'
                  and i.star_rating between 1 and 5 and (i.star_rated_on is null or i.star_rated_on <= :month_end)
                """;
    }

    @Override
    public String removedJoin() {
        return "left join facilities.published_institution p on p.id = c.subject_id";
    }

    @Override
    public String removedReason() {
        return """
                case when p.id is null then 'NOT_IN_REGISTER'
                     when p.star_rating is null then 'UNRATED'
                     when p.operation_model = 'PUBLIC' or p.kind = 'SENIOR_APARTMENT' then 'EXCLUDED_KIND'
                     else 'NO_LOCAL_RESIDENTS' end""";
    }
}
