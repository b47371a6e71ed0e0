-- Published read model (decision 0010) for the time bank: recorded visits, so that hours are credited for a verified
-- visit only. No findings, notes, photos or locations.
create view visits.published_visit as
select v.id,
       v.person_id,
       v.division_code,
       v.visited_at,
       v.duration_minutes,
       v.visitor
from visits.visit v;
