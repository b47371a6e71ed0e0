-- Published read model (decision 0010): who lived where and who attended which class, with the periods, so other
-- modules can count residents or enrolled children for any month in one query. Add columns, never repurpose them.
create view placement.published_placement as
select p.id, p.person_id, p.kind, p.institution_id, p.division_code, p.bed_type, p.from_date, p.to_date
from placement.placement p;

create view placement.published_enrolment as
select e.id, e.person_id, e.provider_id, e.class_id, e.division_code, e.from_date, e.to_date
from placement.enrolment e;
