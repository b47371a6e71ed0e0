-- Published read model (decision 0010): facility facts other modules may read in set-based SQL (subsidy runs,
-- indicators). Add columns, never repurpose them.
create view facilities.published_institution as
select i.id,
       i.name,
       i.division_code,
       i.operation_model,
       i.profit_type,
       i.kind,
       i.star_rating,
       i.star_rated_on,
       i.premises,
       i.lease_ends_on,
       i.opened_on,
       i.medical_partnership,
       i.smart_care_home,
       i.synthetic,
       coalesce((select b.approved from facilities.institution_bed b
                 where b.institution_id = i.id and b.bed_type = 'NURSING'), 0)  as nursing_beds,
       coalesce((select b.approved from facilities.institution_bed b
                 where b.institution_id = i.id and b.bed_type = 'ASSISTED'), 0) as assisted_beds,
       coalesce((select sum(b.cognitive) from facilities.institution_bed b
                 where b.institution_id = i.id), 0)                            as cognitive_beds
from facilities.institution i;

create view facilities.published_childcare_provider as
select p.id, p.name, p.division_code, p.kind, p.filed, p.filed_on, p.approved_slots, p.affordable, p.premises,
       p.lease_ends_on, p.synthetic, p.created_at
from facilities.childcare_provider p;

create view facilities.published_childcare_class as
select c.id, c.provider_id, c.class_type, c.capacity
from facilities.childcare_class c;

-- staff without names; certificates without their numbers
create view facilities.published_staff as
select s.id, s.role, s.institution_id, s.provider_id, s.division_code, s.talent_titles, s.synthetic
from facilities.staff_member s;

create view facilities.published_staff_certificate as
select c.staff_id, c.certificate_type, c.level, c.valid_until
from facilities.staff_certificate c;
