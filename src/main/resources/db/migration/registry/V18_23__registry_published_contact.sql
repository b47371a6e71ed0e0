-- Published read model (decision 0010) for field staff's task cards (issue 18): how to reach an elder — the household's
-- address, the elder's telephone and the first family contact with a telephone (emergency contacts first). Read by
-- notifications.ElderContacts for the butler's 今日任务, visits and orders, only for people in the reader's scope.
-- Add columns, never repurpose them.
create view registry.published_contact as
select p.id as person_id,
       h.address,
       p.phone,
       f.name as family_name,
       f.relation as family_relation,
       f.phone as family_phone
from registry.person p
left join registry.household_member m on m.person_id = p.id
left join registry.household h on h.id = m.household_id
left join lateral (select c.name, c.relation, c.phone from registry.family_contact c
                   where c.person_id = p.id and c.phone is not null and c.phone <> ''
                   order by c.emergency desc, c.id limit 1) f on true;
