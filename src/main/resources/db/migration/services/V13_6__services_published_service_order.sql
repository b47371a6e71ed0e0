-- Published read model (decision 0010) for the data-exchange module (issue 13): services delivered, for the
-- province platform's export. No notes, no locations, no evaluation comments. Only creates the view.
create view services.published_service_order as
select o.id,
       o.person_id,
       o.division_code,
       o.category,
       o.item_code,
       o.quantity,
       o.price,
       o.status,
       o.channel,
       o.checked_out_at,
       o.stars
from services.service_order o;
