-- County-wide scans, the nightly one and those a clerk starts with "立即扫描" (issue 19): one at a time — the partial
-- unique index admits a single unfinished run, across every instance of the application — and the page shows when
-- the last one finished and what it found.
create table outreach.scan_run (
    id          bigserial    primary key,
    started_at  timestamptz  not null,
    started_by  varchar(100) not null,
    finished_at timestamptz,
    outcome     varchar(10)  not null default 'RUNNING' check (outcome in ('RUNNING', 'DONE', 'FAILED')),
    found       integer,
    error       varchar(500)
);
create unique index scan_run_one_at_a_time on outreach.scan_run ((true)) where finished_at is null;
create index scan_run_finished on outreach.scan_run (finished_at desc) where finished_at is not null;
