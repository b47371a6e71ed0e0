-- Demo statistics (township populations shared out from the county's figures) are marked like every demo row.
alter table indicators.statistics_input add column synthetic boolean not null default false;
