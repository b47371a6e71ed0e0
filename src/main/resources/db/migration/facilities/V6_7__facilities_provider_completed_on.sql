-- 建成日期 of a childcare provider: the one-time slot subsidy (托位一次性补助, 方案四（五）1) is for a provider completed and
-- filed in the same year. Unknown (null) for providers registered before this column existed.
alter table facilities.childcare_provider add column completed_on date;

-- published view (decision 0010): the new column is appended, existing columns keep their place
create or replace view facilities.published_childcare_provider as
select p.id, p.name, p.division_code, p.kind, p.filed, p.filed_on, p.approved_slots, p.affordable, p.premises,
       p.lease_ends_on, p.synthetic, p.created_at, p.completed_on
from facilities.childcare_provider p;
