-- Demo data (synthetic elders in the demo institutions' beds, synthetic infants in the demo classes) is marked so
-- that it can be told from real records, and loaded only once.
alter table placement.placement add column synthetic boolean not null default false;
alter table placement.enrolment add column synthetic boolean not null default false;
alter table placement.class_carers add column synthetic boolean not null default false;
