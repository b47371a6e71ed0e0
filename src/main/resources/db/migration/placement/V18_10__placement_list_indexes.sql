-- The placement and enrolment lists page on the server (issue 18): newest admissions first within the user's scope
-- (the facility's division), current ones or all. These indexes let a page of 50 stop after 50 rows and the total be
-- counted from the index, instead of sorting every period of the county.
create index placement_list on placement.placement (division_code, from_date desc, id desc) include (to_date, kind,
    bed_type, institution_id);
create index enrolment_list on placement.enrolment (division_code, from_date desc, id desc) include (to_date,
    provider_id, class_id);
