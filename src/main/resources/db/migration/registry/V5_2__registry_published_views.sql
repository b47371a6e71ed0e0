-- Published read model (decision 0010): what other modules may read of the registry in set-based SQL, for monthly
-- runs and indicators over a million people. No ID number cipher, no blind index, no phone: only the masked number.
-- Changing or dropping a column here is an API change; add columns, never repurpose them.
create view registry.published_person as
select p.id,
       p.name,
       p.id_number_masked,
       p.sex,
       p.birth_date,
       p.residence_division_code,
       p.township_code,
       p.local_hukou,
       p.economic_status,
       p.living_situation,
       p.status,
       p.death_date,
       p.synthetic
from registry.person p;
