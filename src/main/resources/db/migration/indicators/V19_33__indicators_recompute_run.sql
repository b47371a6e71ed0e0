-- Recomputations of the indicators a clerk starts with "重新计算" (issue 19): one at a time — the partial unique index
-- admits a single unfinished run, across every instance of the application — and the dashboard shows when the last
-- one finished and what it computed.
create table indicators.recompute_run (
    id           bigserial    primary key,
    year         integer      not null,
    started_at   timestamptz  not null,
    started_by   varchar(100) not null,
    finished_at  timestamptz,
    outcome      varchar(10)  not null default 'RUNNING' check (outcome in ('RUNNING', 'DONE', 'FAILED')),
    indicators   integer,
    divisions    integer,
    millis       bigint,
    error        varchar(500)
);
create unique index recompute_run_one_at_a_time on indicators.recompute_run ((true)) where finished_at is null;
create index recompute_run_finished on indicators.recompute_run (finished_at desc) where finished_at is not null;
