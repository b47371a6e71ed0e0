-- Published read model (decision 0010): each person's current capability level under GB/T 42195-2022 — the final
-- level of the latest assessment (latest date, then latest recorded). Records under older schemes never count here.
create view assessment.published_current_level as
select distinct on (a.person_id)
       a.person_id,
       a.final_level  as level,
       a.assessed_on,
       a.id           as assessment_id
from assessment.assessment a
where a.scheme = 'GB/T 42195-2022'
order by a.person_id, a.assessed_on desc, a.id desc;

-- every GB/T 42195-2022 result with its date, so a level "as of" a past date can be found in SQL
create view assessment.published_assessment as
select a.id, a.person_id, a.assessed_on, a.final_level as level, a.created_at
from assessment.assessment a
where a.scheme = 'GB/T 42195-2022';
