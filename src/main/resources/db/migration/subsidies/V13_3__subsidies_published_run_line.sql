-- Published read model (decision 0010) for the outreach module (issue 13, 政策找人): who was paid what in which run,
-- so that a scan can tell "eligible but not receiving". Only creates the view; subsidies' tables are unchanged.
create view subsidies.published_run_line as
select l.id,
       l.run_id,
       r.programme,
       r.month  as run_month,
       r.status as run_status,
       l.kind,
       l.for_month,
       l.subject_type,
       l.subject_id,
       l.division_code,
       l.township_code,
       l.amount
from subsidies.run_line l
join subsidies.run r on r.id = l.run_id;
