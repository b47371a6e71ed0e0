-- Published read model (decision 0010) for the time bank: service orders that were delivered, so that hours are
-- credited for a verified service only. Adding columns is fine; never repurpose one.
create view services.published_completed_order as
select o.id,
       o.person_id,
       o.division_code,
       o.category,
       o.butler_username,
       o.checked_in_at,
       o.checked_out_at
from services.service_order o
where o.status in ('COMPLETED', 'EVALUATED');
