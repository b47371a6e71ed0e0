-- Published read model (decision 0010) for the modules that raise needs as orders (visits): the order raised under
-- their idempotency key, with its item and where it stands, so that a visit can show the order it raised. No notes,
-- no prices, no butler. Only creates the view.
create view services.published_raised_order as
select o.id,
       o.idempotency_key,
       o.person_id,
       o.division_code,
       o.category,
       i.name as item_name,
       o.status,
       o.created_at
from services.service_order o
join services.service_item i on i.id = o.item_id;
