package org.yilaoyixiao.subsidies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import org.yilaoyixiao.facilities.ChildcareClassType;
import org.yilaoyixiao.policy.ParameterValue;
import org.yilaoyixiao.policy.PolicyParameters;
import org.yilaoyixiao.subsidies.Programme;

/**
 * 普惠托位运营补助 for a month: each filed provider, for the children enrolled at any time in the month by class
 * type, counted in the order 乳儿班, 托小班, 托大班, 混合班 up to the approved slots. Same as {@link ChildcareOperatingRule}.
 */
@Component
class ChildcareOperatingRun implements RunDefinition {

    private final ObjectMapper json;

    ChildcareOperatingRun(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Programme programme() {
        return Programme.CHILDCARE_OPERATING;
    }

    @Override
    public Bound bind(LocalDate monthStart, PolicyParameters parameters) {
        List<ParameterValue> used = new ArrayList<>();
        Map<String, Object> rates = new LinkedHashMap<>();
        for (ChildcareClassType type : ChildcareClassType.values()) {
            ParameterValue v = parameters.valueAsOf(ChildcareOperatingRule.parameterKey(type), monthStart);
            used.add(v);
            rates.put(type.name(), RunDefinition.rateJson(v));
        }
        return Bound.of(monthStart, used).with("rates", json.writeValueAsString(rates));
    }

    @Override
    public String selectLines() {
        return """
                with counts as (
                    select e.provider_id, c.class_type, count(distinct e.person_id) as n
                    from placement.published_enrolment e
                    join facilities.published_childcare_class c on c.id = e.class_id
                    where e.from_date <= :month_end and (e.to_date is null or e.to_date >= :month_start)
                    group by e.provider_id, c.class_type),
                ordered as (
                    select k.*, sum(k.n) over (partition by k.provider_id order by
                        case k.class_type when 'INFANT' then 1 when 'TODDLER' then 2 when 'OLDER_TODDLER' then 3
                                          else 4 end) as cumulative
                    from counts k),
                capped as (
                    select o.provider_id, o.class_type, o.n,
                           greatest(0, least(o.n, p.approved_slots - (o.cumulative - o.n))) as counted,
                           (cast(:rates as jsonb) -> o.class_type ->> 'rate')::numeric as rate
                    from ordered o join facilities.published_childcare_provider p on p.id = o.provider_id
                    where p.filed and p.filed_on <= :month_end)
                select 'PROVIDER' as subject_type, p.id as subject_id, p.division_code,
                       left(p.division_code, 9) as township_code, p.name, null as id_number_masked,
                       sum(c.counted * c.rate) as amount,
                       jsonb_build_object(
                           'basis', 'ENROLLED',
                           'facts', jsonb_build_object('approvedSlots', p.approved_slots,
                                                       'enrolled', jsonb_object_agg(c.class_type, c.n),
                                                       'counted', jsonb_object_agg(c.class_type, c.counted)),
                           'rates', cast(:rates as jsonb)) as explanation
                from capped c join facilities.published_childcare_provider p on p.id = c.provider_id
                group by p.id, p.division_code, p.name, p.approved_slots
                having sum(c.counted) > 0
                """;
    }

    @Override
    public String removedJoin() {
        return "left join facilities.published_childcare_provider p on p.id = c.subject_id";
    }

    @Override
    public String removedReason() {
        return """
                case when p.id is null then 'NOT_IN_REGISTER'
                     when not p.filed then 'NOT_FILED'
                     else 'NO_CHILDREN' end""";
    }
}
